using System.Text.Json;
using DdGates.Api;
using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Tests.Contract;
using DdGates.Tests.Support;

namespace DdGates.Tests.Evaluation;

/// <summary>The primary tag travels under both names the service is known to read (docs/datadog-api.md), with one value.</summary>
public class PrimaryTagTests
{
    [Theory]
    [InlineData("region:us-east-1")]
    [InlineData(null)]
    public async Task The_trigger_carries_primary_tag_and_apm_primary_tag_with_the_same_value(string? tag)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using (var setup = TestEmulator.Client(emulator)) await setup.CreateGateAsync(new GateKey("web", "prod", "default"), false, default);
        var exchanges = new List<Exchange>();
        using var client = TestEmulator.Client(emulator, new RecordingHandler(exchanges));

        await client.TriggerEvaluationAsync(WireMapping.ToRequest(new EvaluationTarget(new GateKey("web", "prod", "default"), "1.2.3", tag, null)), default);

        var trigger = Assert.Single(exchanges, e => e.Method == "POST");
        Assert.Equal(202, trigger.Status);
        var attributes = JsonDocument.Parse(trigger.RequestBody!).RootElement.GetProperty("data").GetProperty("attributes");
        if (tag is null)
        {
            Assert.False(attributes.TryGetProperty("primary_tag", out _));
            Assert.False(attributes.TryGetProperty("apm_primary_tag", out _));
            return;
        }

        Assert.Equal(tag, attributes.GetProperty("primary_tag").GetString());
        Assert.Equal(tag, attributes.GetProperty("apm_primary_tag").GetString());
    }
}
