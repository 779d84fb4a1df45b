using System.Text.Json.Serialization;

namespace DdGates.Api.Dto;

/// <summary>Source-generated serialization for every wire type (the build is trimmed; reflection is off).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Envelope<GateData>))]
[JsonSerializable(typeof(GateListResponse))]
[JsonSerializable(typeof(Envelope<RuleData>))]
[JsonSerializable(typeof(Envelope<RuleListData>))]
[JsonSerializable(typeof(Envelope<EvaluationRequestData>))]
[JsonSerializable(typeof(Envelope<EvaluationResponseData>))]
[JsonSerializable(typeof(Envelope<EvaluationResultData>))]
[JsonSerializable(typeof(GateEvaluationListResponse))]
[JsonSerializable(typeof(RuleEvaluationListResponse))]
[JsonSerializable(typeof(MonitorSearchPage))]
public sealed partial class DatadogJsonContext : JsonSerializerContext;
