using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DdGates.Api.Dto;
using DdGates.Model;

namespace DdGates.Api;

/// <summary>
/// Typed client for the 14 Deployment Gates operations
/// (https://docs.datadoghq.com/api/latest/deployment-gates/). Configured once: base URL, the
/// auth headers (both keys, or a bearer token), user agent. Every call goes through <see cref="ApiTransport"/>.
/// </summary>
public sealed class DatadogClient : IDisposable
{
    public const int PageSize = 1000;
    /// <summary>The largest page the evaluation-history lists allow.</summary>
    public const int HistoryPageSize = 100;
    private const string Gates = "api/v2/deployment_gates";
    private const string Evaluation = "api/v2/deployments/gates/evaluation";

    private readonly HttpClient _http;
    private readonly ApiTransport _transport;
    private readonly RetryPolicy _policy;
    private static readonly DatadogJsonContext Json = DatadogJsonContext.Default;

    public DatadogClient(Uri apiUrl, Credentials keys, RetryPolicy policy, Action<string>? onRetry = null, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(apiUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline owns every timeout
        };
        keys.ApplyTo(_http.DefaultRequestHeaders);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dd-gates", typeof(DatadogClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _transport = new ApiTransport(_http, policy, onRetry);
        _policy = policy;
    }

    public int RequestsSent => _transport.RequestsSent;

    /// <summary>A warning when retries slowed this run noticeably (<see cref="RetryPolicy.NoticeableWait"/>), saying by how much; else null.</summary>
    public string? SlowdownWarning()
    {
        var (count, waited) = _transport.Retries;
        return count == 0 || waited < _policy.NoticeableWait ? null
            : $"Datadog was slow to answer: {(count == 1 ? "1 retry" : $"{count} retries")} (429 or 5xx answers, timeouts) added {waited.TotalSeconds:0.#} s of waiting to this run";
    }

    /// <summary>Every gate of the organization, following <c>next_cursor</c> to the last page.</summary>
    public Task<List<ActualGate>> ListGatesAsync(Action<int>? onPage, CancellationToken ct) => ListGatesAsync(null, onPage, ct);

    /// <summary>The gates the server lists for a filter (see <see cref="GateFilter"/>: it may ignore it), every page.</summary>
    public async Task<List<ActualGate>> ListGatesAsync(GateFilter? filter, Action<int>? onPage, CancellationToken ct)
    {
        var gates = new List<ActualGate>();
        string? cursor = null;
        for (var page = 1; ; page++)
        {
            var query = $"{Gates}?page[size]={PageSize}" + filter?.ToQuery() + (cursor is null ? "" : $"&page[cursor]={Uri.EscapeDataString(cursor)}");
            var what = filter is null ? "list gates" : $"look up gate {filter.Service}/{filter.Env}/{filter.Identifier}";
            var list = await Send($"{what} (page {page})", HttpMethod.Get, query, null, Json.GateListResponse, true, ct);
            gates.AddRange(list.Data.Select(WireMapping.ToGate));
            onPage?.Invoke(gates.Count);
            cursor = list.Meta?.Page?.NextCursor;
            if (string.IsNullOrEmpty(cursor) || list.Data.Count == 0) return gates;
        }
    }

    /// <summary>One gate by its natural key, with its rules; matched here too, since a server may ignore the filter.</summary>
    public async Task<ActualGate?> FindGateAsync(GateKey key, CancellationToken ct)
    {
        var gate = (await ListGatesAsync(GateFilter.For(key), null, ct)).FirstOrDefault(g => g.Key == key);
        return gate is null ? null : gate with { Rules = await ListRulesAsync(gate.Id, ct) };
    }

    public async Task<ActualGate> GetGateAsync(string gateId, CancellationToken ct) =>
        WireMapping.ToGate(Data(await Send($"get gate {gateId}", HttpMethod.Get, $"{Gates}/{gateId}", null, Json.EnvelopeGateData, true, ct)));

    /// <summary>Safe to retry: the server refuses a duplicate with 400 "Gate already exists".</summary>
    public async Task<ActualGate> CreateGateAsync(GateKey key, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData>
        {
            Data = new GateData { Attributes = new GateAttributes { Service = key.Service, Env = key.Env, Identifier = key.Identifier, DryRun = dryRun } },
        };
        return WireMapping.ToGate(Data(await Send($"create gate {key}", HttpMethod.Post, Gates, Content(body, Json.EnvelopeGateData), Json.EnvelopeGateData, true, ct)));
    }

    public async Task<ActualGate> UpdateGateAsync(string gateId, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData> { Data = new GateData { Id = gateId, Attributes = new GateAttributes { DryRun = dryRun } } };
        return WireMapping.ToGate(Data(await Send($"update gate {gateId}", HttpMethod.Put, $"{Gates}/{gateId}", Content(body, Json.EnvelopeGateData), Json.EnvelopeGateData, true, ct)));
    }

    /// <summary>Deletes the gate and its rules; false when it was already gone.</summary>
    public Task<bool> DeleteGateAsync(string gateId, CancellationToken ct) => Delete($"delete gate {gateId}", $"{Gates}/{gateId}", ct);

    public async Task<List<ActualRule>> ListRulesAsync(string gateId, CancellationToken ct)
    {
        var list = Data(await Send($"list rules of gate {gateId}", HttpMethod.Get, $"{Gates}/{gateId}/rules", null, Json.EnvelopeRuleListData, true, ct));
        return [.. list.Attributes.Rules.Select(r => WireMapping.ToRule(r, null))];
    }

    public async Task<ActualRule> GetRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        Rule(await Send($"get rule {ruleId}", HttpMethod.Get, $"{Gates}/{gateId}/rules/{ruleId}", null, Json.EnvelopeRuleData, true, ct));

    /// <summary>
    /// WARNING: not retried on ambiguous failures (5xx, timeouts, dropped connections), because the
    /// server keeps no name uniqueness and a blind retry can leave two rules. The caller verifies and retries.
    /// </summary>
    public async Task<ActualRule> CreateRuleAsync(string gateId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: true) } };
        return Rule(await Send($"create rule \"{rule.Name}\"", HttpMethod.Post, $"{Gates}/{gateId}/rules", Content(body, Json.EnvelopeRuleData), Json.EnvelopeRuleData, false, ct));
    }

    /// <summary>Updates name, dry_run and options. The type cannot be updated: that is a replacement.</summary>
    public async Task<ActualRule> UpdateRuleAsync(string gateId, string ruleId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: false) } };
        return Rule(await Send($"update rule \"{rule.Name}\"", HttpMethod.Put, $"{Gates}/{gateId}/rules/{ruleId}", Content(body, Json.EnvelopeRuleData), Json.EnvelopeRuleData, true, ct));
    }

    /// <summary>False when the rule was already gone (a retried or concurrent delete).</summary>
    public Task<bool> DeleteRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        Delete($"delete rule {ruleId}", $"{Gates}/{gateId}/rules/{ruleId}", ct);

    /// <summary>Starts an evaluation; returns its id (202).</summary>
    public async Task<string> TriggerEvaluationAsync(EvaluationRequestAttributes request, CancellationToken ct)
    {
        var body = new Envelope<EvaluationRequestData> { Data = new EvaluationRequestData { Attributes = request } };
        var data = Data(await Send($"trigger evaluation of {request.Service}/{request.Env}", HttpMethod.Post, Evaluation,
            Content(body, Json.EnvelopeEvaluationRequestData), Json.EnvelopeEvaluationResponseData, true, ct));
        return data.Attributes.EvaluationId;
    }

    public async Task<EvaluationResultAttributes> GetEvaluationResultAsync(string evaluationId, CancellationToken ct) =>
        Data(await Send($"get evaluation {evaluationId}", HttpMethod.Get, $"{Evaluation}/{evaluationId}", null, Json.EnvelopeEvaluationResultData, true, ct)).Attributes;

    /// <summary>Gate evaluations in the filter's window, newest first, every page (history; gate on the result, not on this).</summary>
    public async Task<List<GateEvaluationData>> ListGateEvaluationsAsync(EvaluationHistoryFilter filter, CancellationToken ct)
    {
        var rows = new List<GateEvaluationData>();
        await Pages("list gate evaluations", $"{Gates}/evaluations?page[size]={HistoryPageSize}&{filter.ToQuery(rules: false)}", Json.GateEvaluationListResponse,
            page => { rows.AddRange(page.Data); return page.Meta?.Page?.NextCursor; }, ct);
        return rows;
    }

    /// <summary>Rule evaluations in the filter's window, every page; pages are no snapshot, so rows are deduplicated by id.</summary>
    public async Task<List<RuleEvaluationData>> ListRuleEvaluationsAsync(EvaluationHistoryFilter filter, CancellationToken ct)
    {
        var rows = new Dictionary<string, RuleEvaluationData>();
        await Pages("list rule evaluations", $"{Gates}/evaluations/rules?page[size]={HistoryPageSize}&{filter.ToQuery(rules: true)}", Json.RuleEvaluationListResponse,
            page => { foreach (var row in page.Data) rows.TryAdd(row.Id, row); return page.Meta?.Page?.NextCursor; }, ct);
        return [.. rows.Values];
    }

    public void Dispose() => _http.Dispose();

    private async Task Pages<T>(string operation, string firstPage, JsonTypeInfo<T> type, Func<T, string?> take, CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 1; ; page++)
        {
            var path = firstPage.TrimEnd('&') + (cursor is null ? "" : $"&page[cursor]={Uri.EscapeDataString(cursor)}");
            cursor = take(await Send($"{operation} (page {page})", HttpMethod.Get, path, null, type, true, ct));
            if (string.IsNullOrEmpty(cursor)) return;
        }
    }

    private async Task<bool> Delete(string operation, string path, CancellationToken ct)
    {
        try
        {
            using var _ = await _transport.SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Delete, path), true, ct);
            return true;
        }
        catch (DatadogApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private async Task<T> Send<T>(string operation, HttpMethod method, string path, Func<HttpContent>? content,
        JsonTypeInfo<T> responseType, bool safeToRepeat, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(operation,
            () => new HttpRequestMessage(method, path) { Content = content?.Invoke() }, safeToRepeat, ct);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync(stream, responseType, ct)
                   ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new DatadogApiException(operation, response.StatusCode, [$"unreadable response: {e.Message}"]);
        }
    }

    /// <summary>
    /// The body serialized once, sent with a Content-Length as Datadog's own clients do: JsonContent would
    /// stream it chunked, which a proxy or edge in front of the API may refuse.
    /// </summary>
    private static Func<HttpContent> Content<T>(T body, JsonTypeInfo<T> type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, type);
        return () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
    }

    private static T Data<T>(Envelope<T> envelope) where T : class =>
        envelope.Data ?? throw new DatadogApiException("read response", null, ["response without data"]);

    private static ActualRule Rule(Envelope<RuleData> envelope)
    {
        var data = Data(envelope);
        return WireMapping.ToRule(data.Attributes, data.Id);
    }
}
