using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DdGates.Api.Dto;
using DdGates.Http;
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
        _http = new HttpClient(handler ?? SafeHandler.Create())
        {
            BaseAddress = new Uri(apiUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline owns every timeout
        };
        keys.ApplyTo(_http.DefaultRequestHeaders);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dd-gates", typeof(DatadogClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _transport = new ApiTransport(_http, policy, onRetry, secrets: new SecretSet(keys.ApiKey, keys.AppKey, keys.AccessToken));
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
        var what = filter is null ? "list gates" : $"look up gate {filter.Service}/{filter.Env}/{filter.Identifier}";
        await Pages(what, $"{Gates}?page[size]={PageSize}" + filter?.ToQuery(), Json.GateListResponse, list =>
        {
            var data = WireMapping.Required(list.Data, "data");
            gates.AddRange(data.Select(WireMapping.ToGate));
            onPage?.Invoke(gates.Count);
            return data.Count == 0 ? null : list.Meta?.Page?.NextCursor;
        }, ct);
        return gates;
    }

    /// <summary>One gate by its natural key, with its rules; matched here too, since a server may ignore the filter.</summary>
    public async Task<ActualGate?> FindGateAsync(GateKey key, CancellationToken ct)
    {
        var gate = (await ListGatesAsync(GateFilter.For(key), null, ct)).FirstOrDefault(g => g.Key == key);
        return gate is null ? null : gate with { Rules = await ListRulesAsync(gate.Id, ct) };
    }

    public async Task<ActualGate> GetGateAsync(string gateId, CancellationToken ct) =>
        await Send($"get gate {gateId}", HttpMethod.Get, $"{Gates}/{PathSegment.Of(gateId)}", null, Json.EnvelopeGateData, true, e => WireMapping.ToGate(Data(e)), ct);

    /// <summary>Safe to retry: the server refuses a duplicate with 400 "Gate already exists".</summary>
    public async Task<ActualGate> CreateGateAsync(GateKey key, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData>
        {
            Data = new GateData { Attributes = new GateAttributes { Service = key.Service, Env = key.Env, Identifier = key.Identifier, DryRun = dryRun } },
        };
        return await Send($"create gate {key}", HttpMethod.Post, Gates, Content(body, Json.EnvelopeGateData), Json.EnvelopeGateData, true, e => WireMapping.ToGate(Data(e)), ct);
    }

    public async Task<ActualGate> UpdateGateAsync(string gateId, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData> { Data = new GateData { Id = gateId, Attributes = new GateAttributes { DryRun = dryRun } } };
        return await Send($"update gate {gateId}", HttpMethod.Put, $"{Gates}/{PathSegment.Of(gateId)}", Content(body, Json.EnvelopeGateData), Json.EnvelopeGateData, true,
            e => WireMapping.ToGate(Data(e)), ct);
    }

    /// <summary>Deletes the gate and its rules; false when it was already gone.</summary>
    public Task<bool> DeleteGateAsync(string gateId, CancellationToken ct) => Delete($"delete gate {gateId}", $"{Gates}/{PathSegment.Of(gateId)}", ct);

    public async Task<List<ActualRule>> ListRulesAsync(string gateId, CancellationToken ct)
    {
        return await Send($"list rules of gate {gateId}", HttpMethod.Get, $"{Gates}/{PathSegment.Of(gateId)}/rules", null, Json.EnvelopeRuleListData, true,
            e => WireMapping.Required(WireMapping.Required(Data(e).Attributes, "data.attributes").Rules, "data.attributes.rules")
                .Select(r => WireMapping.ToRule(WireMapping.Required(r, "data.attributes.rules[]"), null)).ToList(), ct);
    }

    public async Task<ActualRule> GetRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        await Send($"get rule {ruleId}", HttpMethod.Get, $"{Gates}/{PathSegment.Of(gateId)}/rules/{PathSegment.Of(ruleId)}", null, Json.EnvelopeRuleData, true, Rule, ct);

    /// <summary>
    /// WARNING: not retried on ambiguous failures (5xx, timeouts, dropped connections), because the
    /// server keeps no name uniqueness and a blind retry can leave two rules. The caller verifies and retries.
    /// </summary>
    public async Task<ActualRule> CreateRuleAsync(string gateId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: true) } };
        return await Send($"create rule \"{rule.Name}\"", HttpMethod.Post, $"{Gates}/{PathSegment.Of(gateId)}/rules", Content(body, Json.EnvelopeRuleData), Json.EnvelopeRuleData, false, Rule, ct);
    }

    /// <summary>Updates name, dry_run and options. The type cannot be updated: that is a replacement.</summary>
    public async Task<ActualRule> UpdateRuleAsync(string gateId, string ruleId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: false) } };
        return await Send($"update rule \"{rule.Name}\"", HttpMethod.Put, $"{Gates}/{PathSegment.Of(gateId)}/rules/{PathSegment.Of(ruleId)}", Content(body, Json.EnvelopeRuleData), Json.EnvelopeRuleData, true,
            Rule, ct);
    }

    /// <summary>False when the rule was already gone (a retried or concurrent delete).</summary>
    public Task<bool> DeleteRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        Delete($"delete rule {ruleId}", $"{Gates}/{PathSegment.Of(gateId)}/rules/{PathSegment.Of(ruleId)}", ct);

    /// <summary>Starts an evaluation; returns its id (202).</summary>
    public async Task<string> TriggerEvaluationAsync(EvaluationRequestAttributes request, CancellationToken ct)
    {
        var body = new Envelope<EvaluationRequestData> { Data = new EvaluationRequestData { Attributes = request } };
        return await Send($"trigger evaluation of {request.Service}/{request.Env}", HttpMethod.Post, Evaluation,
            Content(body, Json.EnvelopeEvaluationRequestData), Json.EnvelopeEvaluationResponseData, true,
            e => WireMapping.Id(WireMapping.Required(Data(e).Attributes, "data.attributes").EvaluationId, "evaluation_id"), ct);
    }

    public async Task<EvaluationResultAttributes> GetEvaluationResultAsync(string evaluationId, CancellationToken ct) =>
        await Send($"get evaluation {evaluationId}", HttpMethod.Get, $"{Evaluation}/{PathSegment.Of(evaluationId)}", null, Json.EnvelopeEvaluationResultData, true,
            e => WireMapping.Required(Data(e).Attributes, "data.attributes"), ct);

    /// <summary>Gate evaluations in the filter's window, newest first, every page (history; gate on the result, not on this).</summary>
    public async Task<List<GateEvaluationData>> ListGateEvaluationsAsync(EvaluationHistoryFilter filter, CancellationToken ct)
    {
        var rows = new List<GateEvaluationData>();
        await Pages("list gate evaluations", $"{Gates}/evaluations?page[size]={HistoryPageSize}&{filter.ToQuery(rules: false)}", Json.GateEvaluationListResponse,
            page => { rows.AddRange(WireMapping.Required(page.Data, "data").Select(r => WireMapping.Required(r, "data[]"))); return page.Meta?.Page?.NextCursor; }, ct);
        return rows;
    }

    /// <summary>Rule evaluations in the filter's window, every page; pages are no snapshot, so rows are deduplicated by id.</summary>
    public async Task<List<RuleEvaluationData>> ListRuleEvaluationsAsync(EvaluationHistoryFilter filter, CancellationToken ct)
    {
        var rows = new Dictionary<string, RuleEvaluationData>();
        await Pages("list rule evaluations", $"{Gates}/evaluations/rules?page[size]={HistoryPageSize}&{filter.ToQuery(rules: true)}", Json.RuleEvaluationListResponse,
            page =>
            {
                foreach (var row in WireMapping.Required(page.Data, "data")) rows.TryAdd(WireMapping.Required(WireMapping.Required(row, "data[]").Id, "data[].id"), row);
                return page.Meta?.Page?.NextCursor;
            }, ct);
        return [.. rows.Values];
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Every page, following <c>next_cursor</c> until it is absent. A cursor the server sent before, or more than
    /// <see cref="ResponseLimits.MaxPages"/> pages, would loop forever: that is the server's fault, reported as such.
    /// </summary>
    private async Task Pages<T>(string operation, string firstPage, JsonTypeInfo<T> type, Func<T, string?> take, CancellationToken ct)
    {
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var path = firstPage.TrimEnd('&') + (cursor is null ? "" : $"&page[cursor]={Uri.EscapeDataString(cursor)}");
            var what = $"{operation} (page {page})";
            cursor = await Send(what, HttpMethod.Get, path, null, type, true, take, ct);

            if (string.IsNullOrEmpty(cursor)) return;
            if (!seen.Add(cursor) || page >= ResponseLimits.MaxPages)
            {
                throw new DatadogApiException(what, null, [page >= ResponseLimits.MaxPages
                    ? $"the listing goes on past {ResponseLimits.MaxPages} pages; dd-gates stopped, taking it for a loop"
                    : "the server sent a page cursor it had sent before; dd-gates stopped, since following it would loop forever"]);
            }
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

    /// <summary>
    /// One call and its answer read into <typeparamref name="TResult"/> by <paramref name="read"/>. An answer that is not
    /// what the API sends (not JSON, a required field missing or null) is Datadog's fault, reported with the call, never a crash.
    /// </summary>
    private async Task<TResult> Send<T, TResult>(string operation, HttpMethod method, string path, Func<HttpContent>? content,
        JsonTypeInfo<T> responseType, bool safeToRepeat, Func<T, TResult> read, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(operation,
            () => new HttpRequestMessage(method, path) { Content = content?.Invoke() }, safeToRepeat, ct);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return read(await JsonSerializer.DeserializeAsync(stream, responseType, ct) ?? throw new JsonException("empty body"));
        }
        catch (FormatException e)
        {
            throw new DatadogApiException(operation, response.StatusCode, [$"unreadable answer: {e.Message}"]);
        }
        catch (JsonException e)
        {
            // The parser's own words (no body text): "'<' is an invalid start of a value. Path: $ | LineNumber: 0 ...".
            throw new DatadogApiException(operation, response.StatusCode, [$"unreadable answer (not the JSON this API sends): {e.Message.Split(" Path:", 2)[0]}"]);
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

    private static T Data<T>(Envelope<T> envelope) where T : class => WireMapping.Required(envelope.Data, "data");

    private static ActualRule Rule(Envelope<RuleData> envelope)
    {
        var data = Data(envelope);
        return WireMapping.ToRule(WireMapping.Required(data.Attributes, "data.attributes"), data.Id);
    }
}
