using System.Net.Http.Headers;

namespace DdGates.Http;

/// <summary>
/// Reads an answer's body into memory within <see cref="ResponseLimits"/>, inside the attempt (so its timeout covers a
/// body that drips): a successful answer over the limit is refused, a failed one is cut, since only its first words matter.
/// </summary>
internal static class BoundedBody
{
    public static async Task BufferAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var success = response.IsSuccessStatusCode;
        var limit = success ? ResponseLimits.MaxBodyBytes : ResponseLimits.MaxErrorBodyBytes;
        if (success && response.Content.Headers.ContentLength > limit) throw new ResponseTooLargeException(response.StatusCode, limit);

        var buffer = new MemoryStream();
        await using (var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            while (buffer.Length <= limit)
            {
                var read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
            }
        }

        if (buffer.Length > limit)
        {
            if (success) throw new ResponseTooLargeException(response.StatusCode, limit);
            buffer.SetLength(limit);
        }

        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (response.Content.Headers.ContentType is { } type) content.Headers.ContentType = MediaTypeHeaderValue.Parse(type.ToString());
        response.Content.Dispose();
        response.Content = content;
    }
}

/// <summary>An answer larger than any answer of the API can be (a wrong API URL, a proxy's page, a hostile server): not retried, reported with its status.</summary>
internal sealed class ResponseTooLargeException(System.Net.HttpStatusCode status, int limit)
    : Exception($"the answer is larger than {limit / 1024 / 1024} MiB, more than any answer of this API; dd-gates stopped reading it (is the API URL right?)")
{
    public System.Net.HttpStatusCode Status { get; } = status;
}
