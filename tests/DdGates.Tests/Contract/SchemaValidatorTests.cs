using System.Text.Json.Nodes;

namespace DdGates.Tests.Contract;

/// <summary>The validator must be able to fail, or the contract test proves nothing.</summary>
public class SchemaValidatorTests
{
    [Fact]
    public void Refuses_bodies_the_spec_does_not_allow()
    {
        var spec = OpenApiSpec.Load();
        var validator = new SchemaValidator(spec);
        var createRule = spec.RequestSchema(spec.Find("POST", "/api/v2/deployment_gates/x/rules")!.Value.Operation)!;
        var createGate = spec.RequestSchema(spec.Find("POST", "/api/v2/deployment_gates")!.Value.Operation)!;

        var ok = JsonNode.Parse("""{"data":{"type":"deployment_rule","attributes":{"name":"a","type":"monitor","options":{"query":"q","duration":5}}}}""");
        var newerOptions = JsonNode.Parse("""{"data":{"type":"deployment_rule","attributes":{"name":"a","type":"monitor","options":{"query":"q","warmup":5,"fail_on_no_data":false}}}}""");
        var unknownOption = JsonNode.Parse("""{"data":{"type":"deployment_rule","attributes":{"name":"a","type":"monitor","options":{"query":"q","warm_up":5}}}}""");
        var queryAndIds = JsonNode.Parse("""{"data":{"type":"deployment_rule","attributes":{"name":"a","type":"monitor","options":{"query":"q","monitor_ids":[{"id":"1","groups":[]}]}}}}""");
        var noService = JsonNode.Parse("""{"data":{"type":"deployment_gate","attributes":{"env":"prod"}}}""");
        var wrongType = JsonNode.Parse("""{"data":{"type":"deployment_rule","attributes":{"env":"prod","service":"web"}}}""");

        Assert.Empty(validator.Validate(ok, createRule));
        Assert.Empty(validator.Validate(newerOptions, createRule));
        Assert.Contains(validator.Validate(unknownOption, createRule), e => e.Contains("oneOf", StringComparison.Ordinal));
        Assert.Contains(validator.Validate(queryAndIds, createRule), e => e.Contains("oneOf", StringComparison.Ordinal));
        Assert.Contains(validator.Validate(noService, createGate), e => e.Contains("missing required \"service\"", StringComparison.Ordinal));
        Assert.Contains(validator.Validate(wrongType, createGate), e => e.Contains("is not one of", StringComparison.Ordinal));
    }
}
