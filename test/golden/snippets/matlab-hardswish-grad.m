% Hardswish: x·relu6(x + 3)/6
% Source: Howard et al. (2019), arXiv:1905.02244.
% Accurate to a few ulps in double.

function y = hardswish(x)
%hardswish Hardswish, elementwise.
    u = x .* (x + 3.0) ./ 6.0;
    u_then = x;
    u(x >= 3.0) = u_then(x >= 3.0);
    y = u;
    y(x <= -3.0) = 0.0;
end

function y = hardswish_grad(x)
%hardswish_grad Derivative of Hardswish, elementwise.
    g = x ./ 3.0 + 0.5;
    g(x > 3.0) = 1.0;
    y = g;
    y(x < -3.0) = 0.0;
end
