namespace DdGates.Tests.Contract;

public sealed record Exchange(string Method, string Path, string? RequestBody, int Status, string ResponseBody, string? ContentType, string Query = "");

/// <summary>Sits in the client's HTTP stack and keeps every request body and response as sent on the wire.</summary>
internal sealed class RecordingHandler(List<Exchange> exchanges) : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Exchange> Exchanges => exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        lock (Exchanges)
        {
            Exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, body, (int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, request.RequestUri.Query));
        }

        return response;
    }
}
