// xIELU (expanded integral of ELU): αp·x² + β·x if x > 0, else αn·(expm1(min(x, ε)) − x) + β·x,
//   αp = 0.8, αn = 0.8, β = 0.5, ε = -0.000001
// Source: Huang & Schlag (2025), arXiv:2411.13010; transformers XIELUActivation (Apertus).
// Accurate to a few ulps in double; no fast-math.

#include <math.h>

// xIELU (expanded integral of ELU), f(x).
double xielu(double x)
{
    const double xp = x < 0.0 ? 0.0 : x;
    // x ≤ 0: x limited to [−1e+30, 0] (beyond, (β − αn)·x − αn; the limit keeps −∞ − −∞ out)
    const double xma = x < -1e+30 ? -1e+30 : x;
    const double xm = xma > 0.0 ? 0.0 : xma;
    const double xn = xm > -0.000001 ? -0.000001 : xm;
    const double em = expm1(xn);
    // em − x as eh + ee: with its rounding, or below |x| = 1/2 (where it cancels) as xn²·Σ xnᵏ⁻²/k! + (xn − x)
    const double e1 = em - xm;
    const double e1e_v = e1 - em;
    const double e1e = em - (e1 - e1e_v) + (-xm - e1e_v);
    const double xs = xn < -0.5 ? -0.5 : xn;
    const double sq = xs * xs;
    const double sqe = fma(xs, xs, -sq);
    const double pz = 0.5 + xs * (0.16666666666666666 + xs * (0.041666666666666664 + xs * (0.008333333333333333 + xs * (0.001388888888888889 + xs * (0.0001984126984126984 + xs * (0.0000248015873015873 + xs * (0.0000027557319223985893 + xs * (2.755731922398589e-7 + xs * (2.505210838544172e-8 + xs * (2.08767569878681e-9 + xs * (1.6059043836821613e-10 + xs * (1.1470745597729725e-11 + xs * (7.647163731819816e-13 + xs * 4.779477332387385e-14)))))))))))));
    const double e0 = sq * pz;
    const double e0p = fma(sq, pz, -e0);
    const double e0e = e0p + sqe * pz;
    const double eh = xm < -0.5 ? e1 : e0 + (xn - xm);
    const double ee = xm < -0.5 ? e1e : e0e;
    // αn·E + β·x with every rounding kept (two-sums and exact products): the terms cancel near the root
    const double tn = 0.8 * eh;
    const double tne = fma(eh, 0.8, -tn);
    const double bx = 0.5 * xm;
    const double bxe = fma(xm, 0.5, -bx);
    const double sn = tn + bx;
    const double sne_v = sn - tn;
    const double sne = tn - (sn - sne_v) + (bx - sne_v);
    const double fp = sn + (sne + (tne + (0.8 * ee + -4.4408920985006264e-17 * eh)) + bxe);
    // near the root r = -2.432484276931448: f(r + h) = f(r) + A·h + B·(eʰ − 1 − h), h = x − r as h + he, A = f′(r), B = αn·eʳ
    const double h = xm + 2.432484276931448;
    const double he_v = h - xm;
    const double he = xm - (h - he_v) + (2.432484276931448 - he_v);
    const double ah = -0.22974528307943445 * h;
    const double ahe = fma(h, -0.22974528307943445, -ah);
    const double e2 = h * h * (0.5 + h * (0.16666666666666666 + h * (0.041666666666666664 + h * (0.008333333333333333 + h * (0.001388888888888889 + h * (0.0001984126984126984 + h * (0.0000248015873015873 + h * (0.0000027557319223985893 + h * (2.755731922398589e-7 + h * (2.505210838544172e-8 + h * (2.08767569878681e-9 + h * (1.6059043836821613e-10 + h * (1.1470745597729725e-11 + h * (7.647163731819816e-13 + h * (4.779477332387385e-14 + h * (2.8114572543455206e-15 + h * 1.5619206968586225e-16))))))))))))))));
    const double fr = ah + (ahe + -0.22974528307943445 * he + -5.056511167470446e-18 * h + (0.07025471692056562 * e2 + -3.2811977571622165e-17));
    const double fl = h < -1.0 ? fp : fr;
    const double fm = h > 1.0 ? fp : fl;
    const double fneg = x < -1e+30 ? -0.3 * x - 0.8 : fm;
    return x > 0.0 ? xp * (0.8 * xp + 0.5) : fneg;
}

// Derivative of xIELU (expanded integral of ELU), f′(x).
double xielu_grad(double x)
{
    const double xp = x < 0.0 ? 0.0 : x;
    const double xn = x > -0.000001 ? -0.000001 : x;
    const double em = expm1(xn);
    // αn·expm1(x) + β with the product exact: its root log(1 − β/αn) cancels
    const double pn = 0.8 * em;
    const double pne = fma(em, 0.8, -pn);
    const double dneg = x > -0.000001 ? -0.3 : pn + 0.5 + (pne + -4.4408920985006264e-17 * em);
    return x > 0.0 ? 1.6 * xp + 0.5 : dneg;
}
