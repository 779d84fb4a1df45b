namespace DdGates.Api.Dto;

/// <summary>
/// One page of <c>GET /api/v1/monitor/search</c>, read leniently: only what the preflight needs is declared, since real
/// bodies differ from the spec elsewhere (a boolean facet name in <c>counts.muted</c>, <c>creator.id</c> as a number or an
/// object, undeclared row fields). <c>metadata.page_count</c> is unreliable and is not read.
/// </summary>
public sealed class MonitorSearchPage
{
    public MonitorSearchMeta? Metadata { get; set; }
    public List<MonitorHitData?>? Monitors { get; set; }
}

public sealed class MonitorSearchMeta
{
    public long? TotalCount { get; set; }
}

public sealed class MonitorHitData
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? Status { get; set; }
}
