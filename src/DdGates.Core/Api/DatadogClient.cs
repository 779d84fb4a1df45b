using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using DdGates.Api.Dto;
using DdGates.Http;
using DdGates.Model;
using Refit;

namespace DdGates.Api;

/// <summary>
/// The Deployment Gates client the program uses (https://docs.datadoghq.com/api/latest/deployment-gates/): paging,
/// lookups by natural key, and each answer checked into the model. The requests are the generated <see cref="IDatadogApi"/>;
/// every one goes through <see cref="ResilientHandler"/>. Configured once: base URL, the auth headers (both keys, or a
/// bearer token), user agent.
/// </summary>
public sealed class DatadogClient : IDisposable
{
    public const int PageSize = 1000;
    /// <summary>The largest page the evaluation-history lists allow.</summary>
    public const int HistoryPageSize = 100;

    private readonly HttpClient _http;
    private readonly IDatadogApi _api;
    private readonly ApiTransport _transport;
    private readonly RetryPolicy _policy;

    /// <summary>Refit with the generated JSON metadata (no reflection) and buffered bodies (a Content-Length, never chunked).</summary>
    private static readonly RefitSettings Settings = new(SystemTextJsonContentSerializer.ForContext(DatadogJsonContext.Default)) { Buffered = true };

    public DatadogClient(Uri apiUrl, Credentials keys, RetryPolicy policy, Action<string>? onRetry = null, HttpMessageHandler? handler = null)
    {
        var resilient = new ResilientHandler(handler ?? SafeHandler.Create(), policy, onRetry, new SecretSet(keys.ApiKey, keys.AppKey, keys.AccessToken));
        _http = new HttpClient(resilient)
        {
            BaseAddress = new Uri(apiUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline owns every timeout
        };
        keys.ApplyTo(_http.DefaultRequestHeaders);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dd-gates", typeof(DatadogClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _api = RestService.ForGenerated<IDatadogApi>(_http, Settings);
        _transport = resilient.Transport;
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
        await Pages(what, (cursor, call) => _api.ListGates(PageSize, cursor, filter?.Service, filter?.Env, filter?.Identifier, call, ct), list =>
        {
            var data = WireMapping.Required(list.Data, "data");
            gates.AddRange(data.Select(WireMapping.ToGate));
            onPage?.Invoke(gates.Count);
            return data.Count == 0 ? null : list.Meta?.Page?.NextCursor;
        });
        return gates;
    }

    /// <summary>One gate by its natural key, with its rules; matched here too, since a server may ignore the filter.</summary>
    public async Task<ActualGate?> FindGateAsync(GateKey key, CancellationToken ct)
    {
        var gate = (await ListGatesAsync(GateFilter.For(key), null, ct)).FirstOrDefault(g => g.Key == key);
        return gate is null ? null : gate with { Rules = await ListRulesAsync(gate.Id, ct) };
    }

    public Task<ActualGate> GetGateAsync(string gateId, CancellationToken ct) =>
        Send(new Call($"get gate {gateId}", true), call => _api.GetGate(PathSegment.Of(gateId), call, ct), e => WireMapping.ToGate(Data(e)));

    /// <summary>Safe to retry: the server refuses a duplicate with 400 "Gate already exists".</summary>
    public Task<ActualGate> CreateGateAsync(GateKey key, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData>
        {
            Data = new GateData { Attributes = new GateAttributes { Service = key.Service, Env = key.Env, Identifier = key.Identifier, DryRun = dryRun } },
        };
        return Send(new Call($"create gate {key}", true), call => _api.CreateGate(body, call, ct), e => WireMapping.ToGate(Data(e)));
    }

    public Task<ActualGate> UpdateGateAsync(string gateId, bool dryRun, CancellationToken ct)
    {
        var body = new Envelope<GateData> { Data = new GateData { Id = gateId, Attributes = new GateAttributes { DryRun = dryRun } } };
        return Send(new Call($"update gate {gateId}", true), call => _api.UpdateGate(PathSegment.Of(gateId), body, call, ct), e => WireMapping.ToGate(Data(e)));
    }

    /// <summary>Deletes the gate and its rules; false when it was already gone.</summary>
    public Task<bool> DeleteGateAsync(string gateId, CancellationToken ct) =>
        Delete(call => _api.DeleteGate(PathSegment.Of(gateId), call, ct), new Call($"delete gate {gateId}", true));

    public Task<List<ActualRule>> ListRulesAsync(string gateId, CancellationToken ct) =>
        Send(new Call($"list rules of gate {gateId}", true), call => _api.ListRules(PathSegment.Of(gateId), call, ct),
            e => WireMapping.Required(WireMapping.Required(Data(e).Attributes, "data.attributes").Rules, "data.attributes.rules")
                .Select(r => WireMapping.ToRule(WireMapping.Required(r, "data.attributes.rules[]"), null)).ToList());

    public Task<ActualRule> GetRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        Send(new Call($"get rule {ruleId}", true), call => _api.GetRule(PathSegment.Of(gateId), PathSegment.Of(ruleId), call, ct), Rule);

    /// <summary>
    /// WARNING: not retried on ambiguous failures (5xx, timeouts, dropped connections), because the
    /// server keeps no name uniqueness and a blind retry can leave two rules. The caller verifies and retries.
    /// </summary>
    public Task<ActualRule> CreateRuleAsync(string gateId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: true) } };
        return Send(new Call($"create rule \"{rule.Name}\"", false), call => _api.CreateRule(PathSegment.Of(gateId), body, call, ct), Rule);
    }

    /// <summary>Updates name, dry_run and options. The type cannot be updated: that is a replacement.</summary>
    public Task<ActualRule> UpdateRuleAsync(string gateId, string ruleId, RuleSpec rule, CancellationToken ct)
    {
        var body = new Envelope<RuleData> { Data = new RuleData { Attributes = WireMapping.ToAttributes(rule, withType: false) } };
        return Send(new Call($"update rule \"{rule.Name}\"", true), call => _api.UpdateRule(PathSegment.Of(gateId), PathSegment.Of(ruleId), body, call, ct), Rule);
    }

    /// <summary>False when the rule was already gone (a retried or concurrent delete).</summary>
    public Task<bool> DeleteRuleAsync(string gateId, string ruleId, CancellationToken ct) =>
        Delete(call => _api.DeleteRule(PathSegment.Of(gateId), PathSegment.Of(ruleId), call, ct), new Call($"delete rule {ruleId}", true));

    /// <summary>Starts an evaluation; returns its id (202).</summary>
    public Task<string> TriggerEvaluationAsync(EvaluationRequestAttributes request, CancellationToken ct)
    {
        var body = new Envelope<EvaluationRequestData> { Data = new EvaluationRequestData { Attributes = request } };
        return Send(new Call($"trigger evaluation of {request.Service}/{request.Env}", true), call => _api.TriggerEvaluation(body, call, ct),
            e => WireMapping.Id(WireMapping.Required(Data(e).Attributes, "data.attributes").EvaluationId, "evaluation_id"));
    }

    public Task<EvaluationResultAttributes> GetEvaluationResultAsync(string evaluationId, CancellationToken ct) =>
        Send(new Call($"get evaluation {evaluationId}", true), call => _api.GetEvaluationResult(PathSegment.Of(evaluationId), call, ct),
            e => WireMapping.Required(Data(e).Attributes, "data.attributes"));

    /// <summary>Gate evaluations in the filter's window, newest first, every page (history; gate on the result, not on this).</summary>
    public async Task<List<GateEvaluationData>> ListGateEvaluationsAsync(EvaluationHistoryFilter f, CancellationToken ct)
    {
        var rows = new List<GateEvaluationData>();
        await Pages("list gate evaluations", (cursor, call) => _api.ListGateEvaluations(HistoryPageSize, cursor, f.FromText, f.ToText, f.Service, f.Env, f.Identifier,
                f.Status, f.Version, f.DryRunText, f.EvaluationId, f.GateId, call, ct),
            page => { rows.AddRange(WireMapping.Required(page.Data, "data").Select(r => WireMapping.Required(r, "data[]"))); return page.Meta?.Page?.NextCursor; });
        return rows;
    }

    /// <summary>Rule evaluations in the filter's window, every page; pages are no snapshot, so rows are deduplicated by id.</summary>
    public async Task<List<RuleEvaluationData>> ListRuleEvaluationsAsync(EvaluationHistoryFilter f, CancellationToken ct)
    {
        var rows = new Dictionary<string, RuleEvaluationData>();
        await Pages("list rule evaluations", (cursor, call) => _api.ListRuleEvaluations(HistoryPageSize, cursor, f.FromText, f.ToText, f.Service, f.Env, f.Identifier,
                f.Status, f.Version, f.DryRunText, f.EvaluationId, f.GateId, f.GateEvaluationId, f.RuleId, f.Type, f.Name, f.GateDryRunText, call, ct),
            page =>
            {
                foreach (var row in WireMapping.Required(page.Data, "data")) rows.TryAdd(WireMapping.Required(WireMapping.Required(row, "data[]").Id, "data[].id"), row);
                return page.Meta?.Page?.NextCursor;
            });
        return [.. rows.Values];
    }

    /// <summary>
    /// How many monitors a Manage Monitors search query selects (<c>metadata.total_count</c>, over all pages), with the
    /// first few rows. A search only reads, so a lost answer is asked again.
    /// </summary>
    public Task<MonitorMatches> SearchMonitorsAsync(string query, int sample, CancellationToken ct) =>
        Send(new Call("search monitors", true), call => _api.SearchMonitors(query, 0, sample, call, ct), page => new MonitorMatches(
            page.Metadata?.TotalCount is >= 0 and var total ? total : throw new FormatException("no metadata.total_count"),
            [.. (page.Monitors ?? []).OfType<MonitorHitData>().Where(m => m.Id is not null).Take(sample).Select(m => new MonitorHit(m.Id!.Value, Clip.To(m.Name ?? $"monitor {m.Id}", MonitorHit.MaxNameChars), m.Status is null ? null : Clip.To(m.Status, 40)))]));

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Every page, following <c>next_cursor</c> until it is absent. A cursor the server sent before, or more than
    /// <see cref="ResponseLimits.MaxPages"/> pages, would loop forever: that is the server's fault, reported as such.
    /// </summary>
    private static async Task Pages<T>(string operation, Func<string?, Call, Task<T?>> page, Func<T, string?> take) where T : class
    {
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            var what = $"{operation} (page {number})";
            var from = cursor;
            cursor = await Send(new Call(what, true), call => page(from, call), take);

            if (string.IsNullOrEmpty(cursor)) return;
            if (!seen.Add(cursor) || number >= ResponseLimits.MaxPages)
            {
                throw new DatadogApiException(what, null, [number >= ResponseLimits.MaxPages
                    ? $"the listing goes on past {ResponseLimits.MaxPages} pages; dd-gates stopped, taking it for a loop"
                    : "the server sent a page cursor it had sent before; dd-gates stopped, since following it would loop forever"]);
            }
        }
    }

    private static async Task<bool> Delete(Func<Call, Task> request, Call call)
    {
        try
        {
            await Unwrapped(request(call));
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
    private static async Task<TResult> Send<T, TResult>(Call call, Func<Call, Task<T?>> request, Func<T, TResult> read) where T : class
    {
        try
        {
            return read(await Unwrapped(request(call)) ?? throw new JsonException("empty body"));
        }
        catch (FormatException e)
        {
            throw new DatadogApiException(call.Operation, null, [$"unreadable answer: {e.Message}"]);
        }
        catch (JsonException e)
        {
            throw Unreadable(call, null, e);
        }
        catch (ApiException e) when (Inner<JsonException>(e) is { } json)
        {
            // Refit could not read the body: the parser's own words (no body text): "'<' is an invalid start of a value. Path: $ ...".
            throw Unreadable(call, e.StatusCode, json);
        }
    }

    /// <summary>
    /// WARNING: Refit wraps what the handler throws in an ApiRequestException; the pipeline's own failure (Datadog's answer,
    /// with its status and error text) or a cancellation is what the caller must see, so it comes out as it was thrown.
    /// </summary>
    private static async Task<T> Unwrapped<T>(Task<T> sent)
    {
        try
        {
            return await sent;
        }
        catch (ApiRequestException e) when (e.InnerException is DatadogApiException or OperationCanceledException)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static async Task Unwrapped(Task sent) => await Unwrapped(AsResult(sent));

    private static async Task<bool> AsResult(Task sent)
    {
        await sent;
        return true;
    }

    private static DatadogApiException Unreadable(Call call, System.Net.HttpStatusCode? status, JsonException e) =>
        new(call.Operation, status, [$"unreadable answer (not the JSON this API sends): {e.Message.Split(" Path:", 2)[0]}"]);

    private static TException? Inner<TException>(Exception e) where TException : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is TException found) return found;
        }

        return null;
    }

    private static T Data<T>(Envelope<T> envelope) where T : class => WireMapping.Required(envelope.Data, "data");

    private static ActualRule Rule(Envelope<RuleData> envelope)
    {
        var data = Data(envelope);
        return WireMapping.ToRule(WireMapping.Required(data.Attributes, "data.attributes"), data.Id);
    }
}
