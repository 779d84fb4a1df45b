using DdGates.Tests.Support;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms.AzurePipelines;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Model;

namespace DdGates.Tests.Azure;

/// <summary>Exact wire strings of the Azure adapter, read back with the agent's parser.</summary>
public class AzureHostTests
{
    [Fact]
    public void Output_variables_issues_and_completion_are_spelled_for_the_agent()
    {
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, _ => null);

        host.SetOutput(OutputTable.Result, "created");
        host.Error("50% failed; see [docs]\nnext", new SourceLocation("/src/gates.yaml", 8, 3));
        host.Fail("stop");

        var lines = stdout.ToString().Split(Environment.NewLine);
        Assert.Equal("##vso[task.setvariable variable=result;isoutput=true]created", lines[0]);
        Assert.Equal("##vso[task.logissue type=error;sourcepath=/src/gates.yaml;linenumber=8;columnnumber=3]50%AZP25 failed; see [docs]%0Anext", lines[1]);
        Assert.Equal("##vso[task.complete result=Failed]stop", lines[3]);
        var issue = AgentLoggingCommands.Parse(stdout.ToString())[1];
        Assert.Equal("50% failed; see [docs]\nnext", issue.Data);
        Assert.Equal("8", issue.Properties["linenumber"]);
    }

    [Fact]
    public void Plain_text_holding_a_command_is_defused()
    {
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, _ => null);

        host.Info("rule \"x ##vso[task.setvariable variable=changed]false\"");
        using (host.Group("##[error]not an error")) host.Info("inside");

        Assert.Empty(AgentLoggingCommands.Parse(stdout.ToString()));
        Assert.DoesNotContain("##[error]", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_and_site_come_from_the_service_connection_unless_inputs_give_keys()
    {
        var id = Guid.Parse("7c4d5b7e-1111-4e3b-9a8f-aaaabbbbcccc");
        var env = new Dictionary<string, string>(AgentEnvironment.Endpoint(id, "https://app.datadoghq.eu/",
            new Dictionary<string, string> { ["apitoken"] = "from-endpoint-api", ["appkey"] = "from-endpoint-app" }, new Dictionary<string, string>()))
        {
            [AgentEnvironment.Input("connection")] = id.ToString(),
            [AgentEnvironment.Input("site")] = "datadoghq.com",
            [AgentEnvironment.Input("appKey")] = "from-input",
        };
        var host = new AzureHost(TextWriter.Null, n => env.GetValueOrDefault(n));

        Assert.Equal("from-endpoint-api", host.GetInput(InputTable.ApiKey));
        Assert.Equal("from-input", host.GetInput(InputTable.AppKey));
        Assert.Equal("datadoghq.eu", host.GetInput(InputTable.Site));
        Assert.Equal("apiKey", host.Names.Of(Input.ApiKey));
    }

    [Fact]
    public void The_summary_is_one_card_with_a_readable_title_attached_when_the_step_ends()
    {
        var temp = TestFiles.NewDirectory("agent-temp");
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, n => n == "AGENT_TEMPDIRECTORY" ? temp : null);

        host.AppendSummary("## one\n");
        host.AppendSummary("## two\n");
        var beforeFlush = stdout.ToString();
        host.FlushSummary("Datadog gate evaluation");

        Assert.Empty(AgentLoggingCommands.Parse(beforeFlush));
        var card = Assert.Single(AgentLoggingCommands.Parse(stdout.ToString()));
        Assert.Equal(("task", "addattachment"), (card.Area, card.Event));
        Assert.Equal("Distributedtask.Core.Summary", card.Properties["type"]);
        Assert.Equal("Datadog gate evaluation", card.Properties["name"]);
        Assert.StartsWith(temp, card.Data, StringComparison.Ordinal);
        Assert.Equal("## one\n## two\n", File.ReadAllText(card.Data));
    }

    [Fact]
    public void Defused_text_holds_no_vso_keyword_the_agent_would_warn_about()
    {
        var stdout = new StringWriter();
        var host = new AzureHost(stdout, _ => null);

        host.Info("query: tag:##vso[task.complete] and ##VSO and ##vso");

        Assert.DoesNotContain("##vso", stdout.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("## vso[task.complete]", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Succeeding_with_issues_is_a_warning_and_an_orange_result()
    {
        var stdout = new StringWriter();
        new AzureHost(stdout, _ => null).SucceedWithIssues("TIMEOUT: no verdict");

        var commands = AgentLoggingCommands.Parse(stdout.ToString());
        Assert.Equal([("logissue", "warning"), ("complete", "SucceededWithIssues")],
            commands.Select(c => (c.Event, c.Event == "logissue" ? c.Properties["type"] : c.Properties["result"])));
        Assert.All(commands, c => Assert.Equal("TIMEOUT: no verdict", c.Data));
    }
}
