namespace DdGates.Tests.Contract;

/// <summary>
/// docs/datadog-contract.json is written from Datadog's OpenAPI description by <see cref="ContractExtract"/>, so
/// every clone can run the contract tests. Where the description sits beside the clone (../shared, as in CI), the
/// committed file must still be exactly what it yields. To refresh it: DDGATES_WRITE_CONTRACT=1 dotnet test --filter ContractFileTests.
/// </summary>
public class ContractFileTests
{
    [SpecFact]
    public void The_committed_contract_is_what_the_openapi_description_yields()
    {
        var expected = ContractExtract.FromOpenApi(File.ReadAllText(OpenApiSpec.FindPath()!));
        var path = OpenApiSpec.ContractPath();
        if (Environment.GetEnvironmentVariable("DDGATES_WRITE_CONTRACT") == "1") File.WriteAllText(path, expected);
        Assert.True(File.ReadAllText(path) == expected,
            $"{path} differs from what ../shared/datadog/deployment-gates.openapi.yaml yields; refresh it with DDGATES_WRITE_CONTRACT=1 dotnet test --filter ContractFileTests, and review the diff");
    }

    [Fact]
    public void The_contract_holds_facts_and_no_prose()
    {
        var text = File.ReadAllText(OpenApiSpec.ContractPath());
        foreach (var prose in new[] { "\"description\"", "\"summary\"", "\"example\"", "\"x-reconstructed\"" })
        {
            Assert.DoesNotContain(prose, text, StringComparison.Ordinal);
        }

        var spec = OpenApiSpec.Load();
        Assert.NotNull(spec.Find("GET", "/api/v2/deployment_gates/evaluations/rules"));
        Assert.Contains("deployment_gates_write", text, StringComparison.Ordinal);
    }
}
