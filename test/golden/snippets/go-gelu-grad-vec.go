// GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few ulps in double for results above 1e-303.

import "math"

// Gelu returns GELU (exact), f(x).
func Gelu(x float64) float64 {
	// x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
	xa := x
	if x < -40.0 {
		xa = -40.0
	}
	xc := xa
	if xa > 40.0 {
		xc = 40.0
	}
	// z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
	zh := xc * -0.7071067811865476
	ze := math.FMA(xc, -0.7071067811865476, -zh)
	zl := ze + xc * 4.833646656726457e-17
	// erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
	c := math.Erfc(zh) - 1.1283791670955126 * math.Exp(-(zh * zh)) * zl
	return 0.5 * xa * c
}

// GeluGrad returns the derivative of GELU (exact), f′(x).
func GeluGrad(x float64) float64 {
	// x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
	xa := x
	if x < -40.0 {
		xa = -40.0
	}
	xc := xa
	if xa > 40.0 {
		xc = 40.0
	}
	// z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
	zh := xc * -0.7071067811865476
	ze := math.FMA(xc, -0.7071067811865476, -zh)
	zl := ze + xc * 4.833646656726457e-17
	// erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
	c := math.Erfc(zh) - 1.1283791670955126 * math.Exp(-(zh * zh)) * zl
	// φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
	s := xc * xc
	sl := math.FMA(xc, xc, -s)
	g := math.Exp(-0.5 * s)
	ex := g - 0.5 * sl * g
	return 0.5 * c + 0.3989422804014327 * xc * ex
}

// GeluSlice sets dst[i] = Gelu(x[i]); dst must be at least as long as x.
func GeluSlice(dst, x []float64) {
	for i, v := range x {
		dst[i] = Gelu(v)
	}
}

// GeluGradSlice sets dst[i] = GeluGrad(x[i]); dst must be at least as long as x.
func GeluGradSlice(dst, x []float64) {
	for i, v := range x {
		dst[i] = GeluGrad(v)
	}
}
