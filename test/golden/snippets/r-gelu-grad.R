# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Accurate to a few ulps in double for results above 1e-303 (up to 600 ulps below x ≈ −37.5
#   where Φ is subnormal; f′ 1e-16 absolute near its root −0.75).

# GELU (exact), elementwise over a numeric vector.
gelu <- function(x) {
  # the clamp keeps −∞ from making −∞·0; beyond ±40 pnorm is 0 or 1 anyway
  xa <- ifelse(x < -40.0, -40.0, x)
  xc <- ifelse(xa > 40.0, 40.0, xa)
  # pnorm(x) is 0 below −37.5193 (its result would be subnormal): exp(log Φ) there only
  cdf <- ifelse(xc < -37.5192, exp(pnorm(xc, log.p = TRUE)), pnorm(xc))
  xa * cdf
}

# Derivative of GELU (exact), elementwise.
gelu_grad <- function(x) {
  xa <- ifelse(x < -40.0, -40.0, x)
  xc <- ifelse(xa > 40.0, 40.0, xa)
  # pnorm(x) is 0 below −37.5193 (its result would be subnormal): exp(log Φ) there only
  cdf <- ifelse(xc < -37.5192, exp(pnorm(xc, log.p = TRUE)), pnorm(xc))
  # φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
  s <- xc * xc
  # exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
  xc_sp <- 134217729.0 * xc
  xc_hi <- xc_sp - (xc_sp - xc)
  xc_lo <- xc - xc_hi
  sl <- xc_hi * xc_hi - s + xc_hi * xc_lo + xc_lo * xc_hi + xc_lo * xc_lo
  g <- exp(-0.5 * s)
  ex <- g - 0.5 * sl * g
  cdf + 0.3989422804014327 * xc * ex
}
