% GEGLU: y(g, u) = GELU_tanh(g)·u, the tanh form (Gemma; GeluAndMul(approximate="tanh"))
% g is the gate (activated), u the linear input.
% Source: Shazeer (2020), arXiv:2002.05202.
% y and its partials to a few ulps in double while act(g) is not subnormal.

function y = geglu(g, u)
%geglu GEGLU: y(g, u) = GELU_tanh(g)·u; g is the gate (activated), u the linear input. Elementwise; g and u of one size.
    y = gelu_tanh(g) .* u;
end

function y = geglu_grad_g(g, u)
%geglu_grad_g ∂y/∂g of GEGLU. Elementwise; g and u of one size.
    y = gelu_tanh_grad(g) .* u;
end

function y = geglu_grad_u(g, u)
%geglu_grad_u ∂y/∂u of GEGLU. Elementwise; g and u of one size.
    y = gelu_tanh(g);
end

function y = gelu_tanh(x)
%gelu_tanh GELU (tanh approximation), elementwise.
    % beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = x;
    xa(x < -30.0) = -30.0;
    xc = xa;
    xc(xa > 30.0) = 30.0;
    % t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    s = xc .* xc;
    % exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 .* xc;
    xc_hi = xc_sp - (xc_sp - xc);
    xc_lo = xc - xc_hi;
    sl = xc_hi .* xc_hi - s + xc_hi .* xc_lo + xc_lo .* xc_hi + xc_lo .* xc_lo;
    m = 0.07135481627260025 .* s;
    me_a_sp = 134217729.0 .* 0.07135481627260025;
    me_a_hi = me_a_sp - (me_a_sp - 0.07135481627260025);
    me_a_lo = 0.07135481627260025 - me_a_hi;
    s_sp = 134217729.0 .* s;
    s_hi = s_sp - (s_sp - s);
    s_lo = s - s_hi;
    me = me_a_hi .* s_hi - m + me_a_hi .* s_lo + me_a_lo .* s_hi + me_a_lo .* s_lo;
    ml = me + (0.07135481627260025 .* sl + -6.175149918155315e-19 .* s);
    a = 1.5957691216057308 + m;
    ae_v = a - 1.5957691216057308;
    ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    al = ae + (-9.96930880911092e-17 + ml);
    th = xc .* a;
    a_sp = 134217729.0 .* a;
    a_hi = a_sp - (a_sp - a);
    a_lo = a - a_hi;
    te = xc_hi .* a_hi - th + xc_hi .* a_lo + xc_lo .* a_hi + xc_lo .* a_lo;
    tl = te + xc .* al;
    ee = exp(-abs(th));
    % exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = ee - ee .* tl;
    e_then = ee + ee .* tl;
    e(th < 0.0) = e_then(th < 0.0);
    d1 = 1.0 + e;
    y = x ./ d1;
    y_then = xa .* e ./ d1;
    y(th < 0.0) = y_then(th < 0.0);
end

function y = gelu_tanh_grad(x)
%gelu_tanh_grad Derivative of GELU (tanh approximation), elementwise.
    % beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = x;
    xa(x < -30.0) = -30.0;
    xc = xa;
    xc(xa > 30.0) = 30.0;
    % t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    s = xc .* xc;
    % exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 .* xc;
    xc_hi = xc_sp - (xc_sp - xc);
    xc_lo = xc - xc_hi;
    sl = xc_hi .* xc_hi - s + xc_hi .* xc_lo + xc_lo .* xc_hi + xc_lo .* xc_lo;
    m = 0.07135481627260025 .* s;
    me_a_sp = 134217729.0 .* 0.07135481627260025;
    me_a_hi = me_a_sp - (me_a_sp - 0.07135481627260025);
    me_a_lo = 0.07135481627260025 - me_a_hi;
    s_sp = 134217729.0 .* s;
    s_hi = s_sp - (s_sp - s);
    s_lo = s - s_hi;
    me = me_a_hi .* s_hi - m + me_a_hi .* s_lo + me_a_lo .* s_hi + me_a_lo .* s_lo;
    ml = me + (0.07135481627260025 .* sl + -6.175149918155315e-19 .* s);
    a = 1.5957691216057308 + m;
    ae_v = a - 1.5957691216057308;
    ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    al = ae + (-9.96930880911092e-17 + ml);
    th = xc .* a;
    a_sp = 134217729.0 .* a;
    a_hi = a_sp - (a_sp - a);
    a_lo = a - a_hi;
    te = xc_hi .* a_hi - th + xc_hi .* a_lo + xc_lo .* a_hi + xc_lo .* a_lo;
    tl = te + xc .* al;
    ee = exp(-abs(th));
    % exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = ee - ee .* tl;
    e_then = ee + ee .* tl;
    e(th < 0.0) = e_then(th < 0.0);
    d1 = 1.0 + e;
    % p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 ./ d1;
    q = e ./ d1;
    dt = 1.5957691216057308 + 0.21406444881780073 .* s;
    w = xc .* dt;
    y = p .* (1.0 + w .* q);
    y_then = q .* (1.0 + w .* p);
    y(th < 0.0) = y_then(th < 0.0);
end
