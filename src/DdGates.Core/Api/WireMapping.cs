using DdGates.Api.Dto;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Model;

namespace DdGates.Api;

/// <summary>Between the flat wire shapes and the domain's closed union.</summary>
public static class WireMapping
{
    public static RuleOptionsDto ToDto(RuleOptions options) => options switch
    {
        MonitorQueryOptions q => WithSettings(new RuleOptionsDto { Query = q.Query }, q.Settings),
        MonitorIdsOptions ids => WithSettings(new RuleOptionsDto
        {
            MonitorIds = [.. ids.MonitorIds.Select(m => new MonitorIdDto { Id = m.Id, Groups = [.. m.Groups] })],
        }, ids.Settings),
        FaultyDeploymentOptions f => new RuleOptionsDto
        {
            Duration = f.Duration,
            ExcludedResources = f.ExcludedResources is null ? null : [.. f.ExcludedResources],
            AllowedResources = f.AllowedResources is null ? null : [.. f.AllowedResources],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.GetType().Name, null),
    };

    /// <summary>Null when the shape is not one this version knows for that type.</summary>
    public static RuleOptions? FromDto(string? type, RuleOptionsDto? dto)
    {
        dto ??= new RuleOptionsDto();
        var settings = new MonitorSettings(dto.Duration, dto.Warmup, dto.FailOnNoData, dto.FailOnNoGroupsFound);
        return RuleTypeNames.FromWire(type) switch
        {
            RuleType.Monitor when dto.MonitorIds is { Count: > 0 } ids && dto.Query is null => new MonitorIdsOptions(
                new(ids.Select(m => new MonitorRef(m.Id, new(m.Groups ?? [])))), settings),
            RuleType.Monitor when dto.Query is not null && dto.MonitorIds is null => new MonitorQueryOptions(dto.Query, settings),
            RuleType.FaultyDeploymentDetection when dto.Query is null && dto.MonitorIds is null && dto.Warmup is null
                => new FaultyDeploymentOptions(dto.Duration, List(dto.ExcludedResources), List(dto.AllowedResources)),
            _ => null,
        };
    }

    public static ActualGate ToGate(GateData? data)
    {
        var attributes = Required(Required(data, "gate").Attributes, "gate attributes");
        return new(
            Id(data!.Id, "gate id"),
            new GateKey(attributes.Service ?? "", attributes.Env ?? "", attributes.Identifier ?? GateKey.DefaultIdentifier),
            attributes.DryRun ?? false,
            []);
    }

    public static ActualRule ToRule(RuleAttributes attributes, string? id) => new(
        Id(id ?? attributes.Id, "rule id"),
        attributes.Name ?? "",
        attributes.Type ?? "",
        attributes.DryRun ?? false,
        FromDto(attributes.Type, attributes.Options));

    public static RuleAttributes ToAttributes(RuleSpec rule, bool withType) => new()
    {
        Name = rule.Name,
        Type = withType ? rule.Type.ToWire() : null,
        DryRun = rule.DryRun,
        Options = ToDto(rule.Options),
    };

    public static EvaluationRequestAttributes ToRequest(EvaluationTarget target) => new()
    {
        Service = target.Key.Service,
        Env = target.Key.Env,
        Identifier = target.Key.Identifier,
        Version = string.IsNullOrEmpty(target.Version) ? null : target.Version,
        PrimaryTag = string.IsNullOrEmpty(target.PrimaryTag) ? null : target.PrimaryTag,
        ApmPrimaryTag = string.IsNullOrEmpty(target.PrimaryTag) || !PrimaryTagNames.SendBoth ? null : target.PrimaryTag,
        Configuration = target.InlineGate is not { } gate ? null : new EvaluationConfiguration
        {
            DryRun = gate.DryRun,
            Rules = [.. gate.Rules.Select(r => new EvaluationRule { Name = r.Name, Type = r.Type.ToWire(), DryRun = r.DryRun, Options = ToDto(r.Options) })],
        },
    };

    public static EvaluationState ToState(string? wire) => wire switch
    {
        "pass" => EvaluationState.Pass,
        "fail" => EvaluationState.Fail,
        _ => EvaluationState.InProgress,
    };

    public static RuleVerdict ToVerdict(EvaluationRuleResult rule) =>
        new(rule.Name ?? "", ToState(rule.Status), string.IsNullOrEmpty(rule.Reason) ? null : rule.Reason, rule.DryRun == true);

    /// <summary>A field the answer must have; its absence (or a null) makes the answer unreadable.</summary>
    public static T Required<T>(T? value, string what) where T : class => value ?? throw new FormatException($"no {what}");

    /// <summary>
    /// An id the server gave, which goes into request paths. Datadog's ids are UUIDs; anything that could leave its
    /// path segment (a slash, "..", a control character) is not an id, and the answer holding it is refused.
    /// </summary>
    public static string Id(string? id, string what)
    {
        if (string.IsNullOrEmpty(id)) throw new FormatException($"no {what}");
        if (id.Length > 200 || id is "." or ".." || id.Any(c => c is '/' or '\\' or '?' or '#' or '%' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new FormatException($"{what} \"{Printable(id)}\" is not an id (it could leave its place in a request path)");
        }

        return id;
    }

    private static string Printable(string text) =>
        new([.. (text.Length > 60 ? text[..60] + "..." : text).Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary>Only values that differ from the service's defaults are sent, as the service echoes them.</summary>
    private static RuleOptionsDto WithSettings(RuleOptionsDto dto, MonitorSettings settings)
    {
        var s = settings.Normalize();
        dto.Duration = s.Duration;
        dto.Warmup = s.Warmup;
        dto.FailOnNoData = s.FailOnNoData;
        dto.FailOnNoGroupsFound = s.FailOnNoGroupsFound;
        return dto;
    }

    private static EquatableList<string>? List(List<string>? items) => items is null ? null : new(items);
}
