using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DdGates.Api;

/// <summary>
/// Sends one HTTP call (to Datadog, GitHub or Azure DevOps) through the resilience pipeline: per-attempt timeout, retries with jittered
/// exponential backoff, 429s that wait for the reset the server names (shared across the run), and a
/// deadline per call. Returns a successful response or throws the dialect's failure (for Datadog, <see cref="DatadogApiException"/>).
/// </summary>
public sealed class ApiTransport
{
    private readonly HttpClient _http;
    private readonly RateLimitPause _pause;
    private readonly IServiceDialect _dialect;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> _once;
    private static readonly ResiliencePropertyKey<string> OperationKey = new("dd-gates.operation");

    public ApiTransport(HttpClient http, RetryPolicy policy, Action<string>? onRetry = null, TimeProvider? time = null, IServiceDialect? dialect = null)
    {
        _http = http;
        _time = time ?? TimeProvider.System;
        _dialect = dialect ?? DatadogDialect.Instance;
        _pause = new RateLimitPause(_time);
        _repeatable = Build(policy, safeToRepeat: true, onRetry);
        _once = Build(policy, safeToRepeat: false, onRetry);
    }

    /// <summary>Requests sent so far, retries included (for progress and benchmarks).</summary>
    public int RequestsSent => _requestsSent;

    private int _requestsSent;
    private int _retries;
    private long _retryWaitTicks;

    /// <summary>Retries so far, and the time spent waiting before them.</summary>
    public (int Count, TimeSpan Waited) Retries => (_retries, TimeSpan.FromTicks(Interlocked.Read(ref _retryWaitTicks)));

    public async Task<HttpResponseMessage> SendAsync(
        string operation, Func<HttpRequestMessage> request, bool safeToRepeat, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            var pipeline = safeToRepeat ? _repeatable : _once;
            response = await pipeline.ExecuteAsync(async ctx =>
            {
                await _pause.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
                using var message = request();
                Interlocked.Increment(ref _requestsSent);
                return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw _dialect.Failure(operation, null, "", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw _dialect.Failure(operation, response.StatusCode, body, null);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RetryPolicy policy, bool safeToRepeat, Action<string>? onRetry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(policy.CallDeadline)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(RetryReasons.ShouldRetry(args.Outcome, safeToRepeat, _dialect, _time.GetUtcNow())),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is not { } r || _dialect.RateLimitWait(r, _time.GetUtcNow()) is not { } wait) return ValueTask.FromResult<TimeSpan?>(null);
                    // A little jitter on top of the reset so a crowd of clients does not return in the same millisecond.
                    var delay = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, policy.MaxRateLimitWait.TotalMilliseconds) + Random.Shared.Next(50, 250));
                    _pause.PauseFor(delay);
                    return ValueTask.FromResult<TimeSpan?>(delay);
                },
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    Interlocked.Add(ref _retryWaitTicks, args.RetryDelay.Ticks);
                    var operation = args.Context.Properties.GetValue(OperationKey, "call");
                    onRetry?.Invoke($"{operation}: {RetryReasons.Describe(args.Outcome)}; retry {args.AttemptNumber + 1}/{policy.MaxRetries} in {args.RetryDelay.TotalSeconds:0.0}s");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(policy.AttemptTimeout)
            .Build();
}
