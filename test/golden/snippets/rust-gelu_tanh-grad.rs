// GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few ulps in double for results above 1e-303 (f′ up to 5 ulps near x ≈ −3.56).

/// GELU (tanh approximation), f(x).
pub fn gelu(x: f64) -> f64 {
    // beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    let xa = if x < -30.0 { -30.0 } else { x };
    let xc = if xa > 30.0 { 30.0 } else { xa };
    // t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    let s = xc * xc;
    let sl = xc.mul_add(xc, -s);
    let m = 0.07135481627260025 * s;
    let me = (0.07135481627260025_f64).mul_add(s, -m);
    let ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s);
    let a = 1.5957691216057308 + m;
    let ae_v = a - 1.5957691216057308;
    let ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    let al = ae + (-9.96930880911092e-17 + ml);
    let th = xc * a;
    let te = xc.mul_add(a, -th);
    let tl = te + xc * al;
    let ee = (-th.abs()).exp();
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    let e = if th < 0.0 { ee + ee * tl } else { ee - ee * tl };
    let d1 = 1.0 + e;
    if th < 0.0 { xa * e / d1 } else { x / d1 }
}

/// Derivative of GELU (tanh approximation), f′(x).
pub fn gelu_grad(x: f64) -> f64 {
    // beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    let xa = if x < -30.0 { -30.0 } else { x };
    let xc = if xa > 30.0 { 30.0 } else { xa };
    // t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    let s = xc * xc;
    let sl = xc.mul_add(xc, -s);
    let m = 0.07135481627260025 * s;
    let me = (0.07135481627260025_f64).mul_add(s, -m);
    let ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s);
    let a = 1.5957691216057308 + m;
    let ae_v = a - 1.5957691216057308;
    let ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    let al = ae + (-9.96930880911092e-17 + ml);
    let th = xc * a;
    let te = xc.mul_add(a, -th);
    let tl = te + xc * al;
    let ee = (-th.abs()).exp();
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    let e = if th < 0.0 { ee + ee * tl } else { ee - ee * tl };
    let d1 = 1.0 + e;
    // p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    let p = 1.0 / d1;
    let q = e / d1;
    let dt = 1.5957691216057308 + 0.21406444881780073 * s;
    let w = xc * dt;
    if th < 0.0 { q * (1.0 + w * p) } else { p * (1.0 + w * q) }
}
