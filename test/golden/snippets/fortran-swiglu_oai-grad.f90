! SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1), g′ = min(g, 7), u′ = clamp(u, −7, 7)
! g is the gate (activated), u the linear input.
! Source: OpenAI (2025).
! y and its partials to a few ulps in double while act(g) is not subnormal; no fast-math.

module swiglu_oai_mod
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use, intrinsic :: iso_c_binding, only: c_double
  implicit none
  private
  public :: swish, swish_grad, swiglu_oai, swiglu_oai_grad_g, swiglu_oai_grad_u

  ! From the C library (Fortran has no expm1, log1p or fma intrinsic).
  interface
    pure function c_fma(a, b, c) bind(c, name='fma')
      import :: c_double
      real(c_double), value :: a, b, c
      real(c_double) :: c_fma
    end function c_fma
  end interface

contains

  ! Swish x·σ(α·x), α = 1.702, f(x); elemental, so it also takes arrays.
  elemental function swish(x) result(y)
    real(dp), intent(in) :: x
    real(dp) :: y
    real(dp) :: xa, xc, th, te, tl, ee, e, d1
    ! beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = merge(-471.0_dp, x, x < -471.0_dp)
    xc = merge(471.0_dp, xa, xa > 471.0_dp)
    th = 1.702_dp * xc
    ! t = k·x as th + tl (k itself is not a machine number)
    te = c_fma(xc, 1.702_dp, -th)
    tl = te + (4.263256414560601e-17_dp * xc)
    ee = exp(-abs(th))
    ! exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = merge(ee + (ee * tl), ee - (ee * tl), th < 0.0_dp)
    d1 = 1.0_dp + e
    y = merge((xa * e) / d1, x / d1, th < 0.0_dp)
  end function swish

  ! Derivative of Swish x·σ(α·x), α = 1.702, f′(x).
  elemental function swish_grad(x) result(y)
    real(dp), intent(in) :: x
    real(dp) :: y
    real(dp) :: xa, xc, th, te, tl, ee, e, d1
    real(dp) :: p, q, w
    ! beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = merge(-471.0_dp, x, x < -471.0_dp)
    xc = merge(471.0_dp, xa, xa > 471.0_dp)
    th = 1.702_dp * xc
    ! t = k·x as th + tl (k itself is not a machine number)
    te = c_fma(xc, 1.702_dp, -th)
    tl = te + (4.263256414560601e-17_dp * xc)
    ee = exp(-abs(th))
    ! exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = merge(ee + (ee * tl), ee - (ee * tl), th < 0.0_dp)
    d1 = 1.0_dp + e
    ! p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0_dp / d1
    q = e / d1
    w = th
    y = merge(q * (1.0_dp + (w * p)), p * (1.0_dp + (w * q)), th < 0.0_dp)
  end function swish_grad

  ! SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1); g is the gate (activated), u the linear input. Elemental.
  elemental function swiglu_oai(g, u) result(y)
    real(dp), intent(in) :: g, u
    real(dp) :: y
    real(dp) :: gc, ul, uc, ub
    gc = merge(7.0_dp, g, g > 7.0_dp)
    ul = merge(-7.0_dp, u, u < -7.0_dp)
    uc = merge(7.0_dp, ul, ul > 7.0_dp)
    ub = uc + 1.0_dp
    y = swish(gc) * ub
  end function swiglu_oai

  ! ∂y/∂g of SwiGLU gpt-oss (0 above the clamp; g = limit passes, as PyTorch's clamp). Elemental.
  elemental function swiglu_oai_grad_g(g, u) result(y)
    real(dp), intent(in) :: g, u
    real(dp) :: y
    real(dp) :: ul, uc, ub, d
    ul = merge(-7.0_dp, u, u < -7.0_dp)
    uc = merge(7.0_dp, ul, ul > 7.0_dp)
    ub = uc + 1.0_dp
    d = swish_grad(g) * ub
    y = merge(0.0_dp, d, g > 7.0_dp)
  end function swiglu_oai_grad_g

  ! ∂y/∂u of SwiGLU gpt-oss (0 outside ±limit; the bounds pass, as PyTorch's clamp). Elemental.
  elemental function swiglu_oai_grad_u(g, u) result(y)
    real(dp), intent(in) :: g, u
    real(dp) :: y
    real(dp) :: gc, a, da
    gc = merge(7.0_dp, g, g > 7.0_dp)
    a = swish(gc)
    da = merge(0.0_dp, a, u > 7.0_dp)
    y = merge(0.0_dp, da, u < -7.0_dp)
  end function swiglu_oai_grad_u

end module swiglu_oai_mod
