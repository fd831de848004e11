! GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
! Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
! Accurate to a few ulps in double for results above 1e-303; no fast-math.

module gelu_mod
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use, intrinsic :: iso_c_binding, only: c_double
  implicit none
  private
  public :: gelu, gelu_grad

  ! From the C library (Fortran has no expm1, log1p or fma intrinsic).
  interface
    pure function c_fma(a, b, c) bind(c, name='fma')
      import :: c_double
      real(c_double), value :: a, b, c
      real(c_double) :: c_fma
    end function c_fma
  end interface

contains

  ! GELU (exact), f(x); elemental, so it also takes arrays.
  elemental function gelu(x) result(y)
    real(dp), intent(in) :: x
    real(dp) :: y
    real(dp) :: xa, xc, zh, ze, zl, c
    ! x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = merge(-40.0_dp, x, x < -40.0_dp)
    xc = merge(40.0_dp, xa, xa > 40.0_dp)
    ! z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * (-0.7071067811865476_dp)
    ze = c_fma(xc, -0.7071067811865476_dp, -zh)
    zl = ze + (xc * 4.833646656726457e-17_dp)
    ! erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    c = erfc(zh) - ((1.1283791670955126_dp * exp(-(zh * zh))) * zl)
    y = (0.5_dp * xa) * c
  end function gelu

  ! Derivative of GELU (exact), f′(x).
  elemental function gelu_grad(x) result(y)
    real(dp), intent(in) :: x
    real(dp) :: y
    real(dp) :: xa, xc, zh, ze, zl, c, s, sl
    real(dp) :: g, ex
    ! x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = merge(-40.0_dp, x, x < -40.0_dp)
    xc = merge(40.0_dp, xa, xa > 40.0_dp)
    ! z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * (-0.7071067811865476_dp)
    ze = c_fma(xc, -0.7071067811865476_dp, -zh)
    zl = ze + (xc * 4.833646656726457e-17_dp)
    ! erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    c = erfc(zh) - ((1.1283791670955126_dp * exp(-(zh * zh))) * zl)
    ! φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    s = xc * xc
    sl = c_fma(xc, xc, -s)
    g = exp(-0.5_dp * s)
    ex = g - ((0.5_dp * sl) * g)
    y = (0.5_dp * c) + ((0.3989422804014327_dp * xc) * ex)
  end function gelu_grad

end module gelu_mod
