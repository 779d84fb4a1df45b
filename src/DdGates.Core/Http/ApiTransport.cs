using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DdGates.Http;

/// <summary>
/// Sends one HTTP call (to Datadog, GitHub or Azure DevOps) through the resilience pipeline: per-attempt timeout, retries with jittered
/// exponential backoff, 429s that wait for the reset the server names (shared across the run), and a
/// deadline per call. Returns a successful response or throws the dialect's failure (for Datadog, <see cref="DatadogApiException"/>).
/// </summary>
public sealed class ApiTransport
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _send;
    private readonly RateLimitPause _pause;
    private readonly IServiceDialect _dialect;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> _once;
    private static readonly ResiliencePropertyKey<string> OperationKey = new("dd-gates.operation");

    private readonly SecretSet _secrets;

    /// <param name="secrets">What this client sends as credentials: taken out of every answer before it becomes a message.</param>
    public ApiTransport(HttpClient http, RetryPolicy policy, Action<string>? onRetry = null, TimeProvider? time = null, IServiceDialect? dialect = null,
        SecretSet? secrets = null)
        : this((message, ct) => http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct), policy, onRetry, time, dialect, secrets)
    {
    }

    /// <param name="send">One attempt on the wire, returning once the answer's headers are in (a handler's inner SendAsync).</param>
    public ApiTransport(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, RetryPolicy policy, Action<string>? onRetry = null,
        TimeProvider? time = null, IServiceDialect? dialect = null, SecretSet? secrets = null)
    {
        _send = send;
        _time = time ?? TimeProvider.System;
        _dialect = dialect ?? DatadogDialect.Instance;
        _secrets = secrets ?? new SecretSet();
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
                var answer = await _send(message, ctx.CancellationToken).ConfigureAwait(false);
                try
                {
                    await BoundedBody.BufferAsync(answer, ctx.CancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    answer.Dispose();
                    throw;
                }

                return answer;
            }, context).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException e)
        {
            throw _dialect.Failure(operation, e.Status, [e.Message], null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw _dialect.Failure(operation, null, [], e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            if ((int)response.StatusCode is >= 300 and < 400) throw _dialect.Failure(operation, response.StatusCode, [Redirected(response)], null);
            var body = _secrets.Redact(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            throw _dialect.Failure(operation, response.StatusCode, [.. _dialect.ErrorTexts(body).Select(t => _secrets.Redact(Cut(t)))], null);
        }
    }

    /// <summary>
    /// WARNING: no redirect is followed (the handler is built with AllowAutoRedirect off): HttpClient strips only Authorization
    /// on a redirect, so DD-API-KEY and DD-APPLICATION-KEY would go to whatever host the Location names.
    /// </summary>
    private string Redirected(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? _secrets.Redact(Cut(l.ToString())) : "(no Location)";
        return $"redirected to {location}; dd-gates follows no redirect, so the credentials never go to another address. " +
               "If that address is the API, set the API URL to it";
    }

    private static string Cut(string text) => Clip.To(text, ResponseLimits.MaxErrorTextChars);

    /// <summary>The waits a server asks for are its business up to the policy's cap; past it, we wait the cap and say so.</summary>
    private TimeSpan? Wait(HttpResponseMessage response, RetryPolicy policy, string operation, Action<string>? onRetry)
    {
        var now = _time.GetUtcNow();
        var asked = _dialect.RateLimitWait(response, now)
                    ?? (response.StatusCode == HttpStatusCode.ServiceUnavailable ? RetryReasons.RetryAfter(response, now) : null);
        if (asked is not { } wait) return null;
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (wait <= policy.MaxRateLimitWait) return wait;
        onRetry?.Invoke($"{operation}: the server asked to wait {RetryReasons.Describe(wait)}; waiting {RetryReasons.Describe(policy.MaxRateLimitWait)}, the most one wait may take");
        return policy.MaxRateLimitWait;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RetryPolicy policy, bool safeToRepeat, Action<string>? onRetry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
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
                    var operation = args.Context.Properties.GetValue(OperationKey, "call");
                    if (args.Outcome.Result is not { } r || Wait(r, policy, operation, onRetry) is not { } wait) return ValueTask.FromResult<TimeSpan?>(null);
                    // A little jitter on top of the reset so a crowd of clients does not return in the same millisecond.
                    var delay = wait + TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250));
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
