using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DdGates.Http;

namespace DdGates.Cli.Commands.PlanComment;

/// <summary>One HttpClient for a platform's API with a bearer token, sending through the same <see cref="ApiTransport"/> pipeline as the Datadog client.</summary>
internal sealed class PlatformHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly ApiTransport _transport;

    public PlatformHttp(Uri baseUrl, string token, IServiceDialect dialect, RetryPolicy policy, Action<string>? onRetry, HttpMessageHandler? handler)
    {
        _http = new HttpClient(handler ?? SafeHandler.Create(), disposeHandler: handler is null)
        {
            BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline owns every timeout
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dd-gates", typeof(PlatformHttp).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _transport = new ApiTransport(_http, policy, onRetry, dialect: dialect, secrets: new SecretSet(token));
    }

    public HttpRequestHeaders Headers => _http.DefaultRequestHeaders;

    public async Task<T> GetAsync<T>(string operation, string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Get, path), safeToRepeat: true, ct).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false))!;
    }

    /// <summary>A write. Creating a comment is not safe to repeat (a lost answer would post it twice), so only certain refusals retry it.</summary>
    public async Task SendAsync<T>(string operation, HttpMethod method, string path, T body, JsonTypeInfo<T> type, bool safeToRepeat, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(operation, () => new HttpRequestMessage(method, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, type), Encoding.UTF8, "application/json"),
        }, safeToRepeat, ct).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string operation, string path, CancellationToken ct)
    {
        try
        {
            using var response = await _transport.SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Delete, path), safeToRepeat: true, ct).ConfigureAwait(false);
        }
        catch (PullRequestApiException e) when (e.IsNotFound)
        {
            // Gone already: another run removed it first.
        }
    }

    public void Dispose() => _http.Dispose();
}
