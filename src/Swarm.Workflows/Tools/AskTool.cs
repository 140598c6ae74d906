using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tools;

/// <summary>
/// The <c>ask</c> tool: another agent answers a question, as a step of the same task through the dispatcher, like any
/// other step (a seat, the model or an external agent, retries on another agent). The asked agent may use its tools
/// but not ask or vote in turn, so questions cannot recurse. An agent never gets its own question: it holds a seat of
/// this task, and no agent takes two seats of one task.
/// </summary>
public static class AskTool
{
    /// <summary>
    /// How long a question waits in line for an agent. The asking agent holds its seat meanwhile, and an agent that holds
    /// a seat of the same task never takes a question from it (two agents of a parallel task asking each other would
    /// otherwise both sit idle for the task's whole slot wait), so a question that finds nobody free is answered as an
    /// error soon, and the model can go on without it.
    /// </summary>
    public static readonly TimeSpan SeatWait = TimeSpan.FromSeconds(60);

    public static async Task<ToolResult> RunAsync(StepRunner steps, AgentProfile asker, string stage, ToolArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(arguments);
        var question = arguments.RequiredText("question");
        var agent = arguments.Text("agent");
        var capability = arguments.Text("capability");
        if (agent is not null && !AgentProfileRules.IsAgentId(agent))
        {
            throw new ToolArgumentException("'agent' must be an agent id: 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        if (string.Equals(agent, asker.Id, StringComparison.Ordinal))
        {
            throw new ToolArgumentException("'agent' names the asking agent itself; ask another agent.");
        }

        if (capability is not null && !AgentProfileRules.IsSkill(capability))
        {
            throw new ToolArgumentException("'capability' must be 1 to 64 lowercase letters, digits or '-'.");
        }

        try
        {
            var answer = await steps.AnswerAsync(stage, new AgentBriefing(question), capability is null ? [] : [capability], onlyAgent: agent, delegation: false, seatWait: SeatWait);
            return ToolResult.Ok($"{answer.AgentId} answered:\n{answer.Answer.Text}");
        }
        catch (AgentSlotUnavailableException e)
        {
            return ToolResult.Error($"Nobody could take the question: {e.Message}");
        }
        catch (TaskStoppedException e) when (!e.IsDeadline)
        {
            return ToolResult.Error($"The question was not answered: {e.Message}");
        }
    }
}
