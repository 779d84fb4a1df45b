namespace DdGates.Http;

/// <summary>
/// The transport's guarantees for a client that builds its own requests (the generated Datadog client): each request
/// goes through <see cref="ApiTransport"/> (bounded answers, no redirect, rate limits, retries only where a lost answer
/// cannot duplicate a write, the call deadline). The body is read once and every attempt sends a fresh copy of it with
/// a Content-Length. A success comes back buffered; anything else is the service's failure, thrown here.
/// </summary>
public sealed class ResilientHandler : DelegatingHandler
{
    public ResilientHandler(HttpMessageHandler inner, RetryPolicy policy, Action<string>? onRetry, SecretSet secrets, TimeProvider? time = null,
        IServiceDialect? dialect = null) : base(inner)
    {
        Transport = new ApiTransport(SendOnceAsync, policy, onRetry, time, dialect, secrets);
    }

    public ApiTransport Transport { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request without a call is a read (GET), which is always safe to repeat; anything else must say what it is.
        var call = request.Options.TryGetValue(Call.OptionsKey, out var given) ? given
            : request.Method == HttpMethod.Get ? new Call($"{request.Method} {request.RequestUri?.AbsolutePath}", true)
            : throw new InvalidOperationException($"{request.Method} {request.RequestUri?.AbsolutePath} names no call: say whether it is safe to repeat");
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return await Transport.SendAsync(call.Operation, () => Copy(request, body), call.SafeToRepeat, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    /// <summary>The request again, for one attempt: method, address, version, headers, and the body as bytes (so with a Content-Length).</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers) copy.Headers.TryAddWithoutValidation(name, values);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content!.Headers)
            {
                if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)) copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }
}
