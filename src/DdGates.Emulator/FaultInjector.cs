using System.Globalization;

namespace DdGates.Emulator;

/// <summary>
/// Middleware in front of the API: logs every request, checks both auth headers, adds latency and
/// injects seeded faults. A 500 or a dropped connection is injected half the time after the real
/// handler ran, so the change is made and its answer lost, which is what makes retries dangerous.
/// </summary>
internal sealed class FaultInjector(EmulatorState state)
{
    /// <summary>How late a "slow" fault answers: well past a healthy answer, well within a client's attempt timeout.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(1);

    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            await next(ctx);
            return;
        }

        var options = state.Options;
        string? fault = null;
        try
        {
            if (options.LatencyMs > 0) await Task.Delay(options.LatencyMs, ctx.RequestAborted);
            if (!Authorized(ctx, options))
            {
                await new ApiResult(403, Wire.PlainError("Forbidden")).WriteAsync(ctx);
                return;
            }

            var (kind, afterHandler) = state.DrawFault(ctx.Request.Method, ctx.Request.Path.Value ?? "");
            fault = kind is null ? null : kind + (afterHandler ? " after handling" : "");
            if (kind is null)
            {
                await next(ctx);
            }
            else if (kind == "slow")
            {
                await Task.Delay(SlowAnswer, ctx.RequestAborted);
                await next(ctx);
            }
            else if (afterHandler && kind is "500" or "drop")
            {
                await RunDiscardingAnswer(ctx, next);
                await Answer(ctx, kind, options);
            }
            else
            {
                await Answer(ctx, kind, options);
            }
        }
        finally
        {
            var chunked = ctx.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
            state.Log.Add(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString.Value ?? "", fault == "drop" ? 0 : ctx.Response.StatusCode, fault,
                ctx.Request.ContentLength, chunked);
        }
    }

    /// <summary>Both keys, or a bearer token (OAuth) instead; with keys configured, only those keys (or that token) pass.</summary>
    private static bool Authorized(HttpContext ctx, EmulatorOptions options)
    {
        var authorization = ctx.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.Length > 0 && (options.AccessToken is null || token == options.AccessToken);
        }

        string api = ctx.Request.Headers["DD-API-KEY"].ToString(), app = ctx.Request.Headers["DD-APPLICATION-KEY"].ToString();
        return api.Length > 0 && app.Length > 0 && (options.ApiKey is null || api == options.ApiKey) && (options.AppKey is null || app == options.AppKey);
    }

    private static async Task RunDiscardingAnswer(HttpContext ctx, RequestDelegate next)
    {
        var original = ctx.Response.Body;
        ctx.Response.Body = new MemoryStream();
        try
        {
            await next(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
            ctx.Response.Headers.Clear();
        }
    }

    private static async Task Answer(HttpContext ctx, string kind, EmulatorOptions options)
    {
        switch (kind)
        {
            case "drop":
                ctx.Abort();
                return;
            case "gate-without-id":
                // A well-formed answer with a gate the client cannot map: the kind of surprise no retry fixes.
                await new ApiResult(200, System.Text.Json.Nodes.JsonNode.Parse(
                    """{"data":[{"type":"deployment_gate","attributes":{"service":"web","env":"prod","identifier":"default","dry_run":false}}],"meta":{}}""")).WriteAsync(ctx);
                return;
            case "429":
                var h = ctx.Response.Headers;
                h["X-RateLimit-Limit"] = "100";
                h["X-RateLimit-Period"] = "10";
                h["X-RateLimit-Remaining"] = "0";
                h["X-RateLimit-Reset"] = options.RateLimitResetSeconds.ToString(CultureInfo.InvariantCulture);
                h["X-RateLimit-Name"] = "deployment_gates";
                await new ApiResult(429, null).WriteAsync(ctx);
                return;
            default:
                // Datadog's recorded 5xx answers, like its 429s, carry no body.
                await new ApiResult(int.Parse(kind, CultureInfo.InvariantCulture), null).WriteAsync(ctx);
                return;
        }
    }
}
