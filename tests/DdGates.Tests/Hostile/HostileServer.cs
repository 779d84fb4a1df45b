using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DdGates.Tests.Hostile;

/// <summary>One request as the hostile server saw it.</summary>
internal sealed record SeenRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A stand-in server on loopback that answers whatever a test scripts, byte for byte: redirects, bodies without end,
/// broken JSON, odd headers. Raw TCP (not Kestrel), so an answer can be anything a broken proxy or an attacker could send.
/// Each connection serves one request and closes.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<SeenRequest, int, Stream, CancellationToken, Task> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    /// <param name="answer">Writes the whole answer for the request (the number is the request's, from 1) to the stream.</param>
    public HostileServer(Func<SeenRequest, int, Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>A server whose every answer is the same status, headers and body.</summary>
    public static HostileServer Always(int status, string body, params (string Name, string Value)[] headers) =>
        new((_, _, stream, ct) => Write(stream, status, body, headers, ct));

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task Write(Stream stream, int status, string body, IEnumerable<(string Name, string Value)> headers, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} Whatever\r\nConnection: close\r\nContent-Length: {bytes.Length}\r\n");
        if (!headers.Any(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))) head.Append("Content-Type: application/json\r\n");
        foreach (var (name, value) in headers) head.Append($"{name}: {value}\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), ct);
        await stream.WriteAsync(bytes, ct);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                await _answer(request, Interlocked.Increment(ref _count), stream, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client went away (as it should, from an endless body).
            }
        }
    }

    private static async Task<SeenRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0 || head.Length > 64 * 1024) return null;
            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValue("Content-Length", out var length)) await stream.ReadExactlyAsync(new byte[int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)]);
        return new SeenRequest(start[0], start[1], headers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
