namespace DdGates.Api.Dto;

/// <summary>JSON:API resource object for a gate (request and response).</summary>
public sealed class GateData
{
    public string? Id { get; set; }
    public string Type { get; set; } = "deployment_gate";
    public GateAttributes Attributes { get; set; } = new();
}

public sealed class GateAttributes
{
    public string? Service { get; set; }
    public string? Env { get; set; }
    public string? Identifier { get; set; }
    public bool? DryRun { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public UserRef? CreatedBy { get; set; }
    public UserRef? UpdatedBy { get; set; }
}

public sealed class UserRef
{
    public string? Id { get; set; }
    public string? Handle { get; set; }
    public string? Name { get; set; }
}

public sealed class GateListResponse
{
    public List<GateData> Data { get; set; } = [];
    public ListMeta? Meta { get; set; }
}

public sealed class ListMeta
{
    public PageMeta? Page { get; set; }
}

public sealed class PageMeta
{
    public string? Cursor { get; set; }
    public string? NextCursor { get; set; }
    public long? Size { get; set; }
}
