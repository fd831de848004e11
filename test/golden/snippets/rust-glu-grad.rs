// GLU: y(g, u) = σ(g)·u
// g is the gate (activated), u the linear input.
// Source: Dauphin et al. (2017), arXiv:1612.08083.
// y and its partials to a few ulps in double while act(g) is not subnormal.

/// Sigmoid, f(x).
pub fn sigmoid(x: f64) -> f64 {
    let e = (-x.abs()).exp();
    let d1 = 1.0 + e;
    if x >= 0.0 { 1.0 / d1 } else { e / d1 }
}

/// Derivative of Sigmoid, f′(x).
pub fn sigmoid_grad(x: f64) -> f64 {
    let e = (-x.abs()).exp();
    let d1 = 1.0 + e;
    e / (d1 * d1)
}

/// GLU: y(g, u) = σ(g)·u; g is the gate (activated), u the linear input.
pub fn glu(g: f64, u: f64) -> f64 {
    sigmoid(g) * u
}

/// ∂y/∂g of GLU.
pub fn glu_grad_g(g: f64, u: f64) -> f64 {
    sigmoid_grad(g) * u
}

/// ∂y/∂u of GLU.
pub fn glu_grad_u(g: f64, _u: f64) -> f64 {
    sigmoid(g)
}
