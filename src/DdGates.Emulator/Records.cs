using System.Text.Json.Nodes;

namespace DdGates.Emulator;

internal sealed class GateRecord
{
    public required Guid Id { get; init; }
    public required long Sequence { get; init; }
    public required string Service { get; init; }
    public required string Env { get; init; }
    public required string Identifier { get; init; }
    public bool DryRun { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RuleRecord> Rules { get; } = [];
}

internal sealed class RuleRecord
{
    public required Guid Id { get; init; }
    public required Guid GateId { get; init; }
    public required string Name { get; set; }
    public required string Type { get; init; }
    public bool DryRun { get; set; }
    public required JsonObject Options { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
