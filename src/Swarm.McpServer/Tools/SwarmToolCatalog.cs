using System.Text.Json.Nodes;
using Swarm.Api;
using static Swarm.McpServer.Tools.ArgumentPlace;
using static Swarm.McpServer.Tools.ToolArgument;

namespace Swarm.McpServer.Tools;

/// <summary>
/// Every tool the swarm serves over MCP, each the twin of one REST route (<see cref="SwarmRoutes"/>). A tool needs what
/// its route needs: its description says which permission, and the dispatcher checks it on every call.
/// </summary>
public static class SwarmToolCatalog
{
    static readonly ToolArgument TaskId = Text("id", "The task's id, as submit_task returned it.", Route, required: true);
    static readonly ToolArgument AgentId = Text("id", "The agent's id.", Route, required: true);
    static readonly ToolArgument ProposalId = Text("id", "The proposal's id, as create_proposal returned it.", Route, required: true);
    static readonly ToolArgument Namespace = Text("namespace", "The memory namespace: 'shared', 'agent:<id>' or 'task:<id>'.", Route, required: true);
    static readonly ToolArgument Key = Text("key", "The entry's key.", Route, required: true);
    static readonly ToolArgument PageSize = Whole("pageSize", "How many items a page holds (50 when omitted).", Query, 1, 200);
    static readonly ToolArgument ContinuationToken = Text("continuationToken", "The token the previous page returned, for the next page.", Query);
    static readonly ToolArgument Comment = Text("comment", "Why (kept in the audit trail).", Body);

    public static readonly SwarmTool SubmitTask = new(
        "submit_task",
        "Submit a task to the swarm (needs tasks:submit). Strategies: auto (chosen from the task's shape), single (the best agent answers), " +
        "parallel (N agents answer; 'merge' has a queen merge them), pipeline ('stages' run in order), hierarchical (a queen splits the work), " +
        "consensus (N agents answer and vote). Returns the task id and its status; follow it with get_task or wait_for_task.",
        SwarmRoutes.SubmitTask,
        [
            Text("prompt", "What the swarm is asked to do.", Body, required: true),
            Choice("strategy", "How the work is spread (auto when omitted).", Body, "auto", "single", "parallel", "pipeline", "hierarchical", "consensus"),
            Whole("priority", "1 (lowest) to 10 (highest); 5 when omitted.", Body, 1, 10),
            Texts("capabilities", "Expertise the agent must have, e.g. [\"code-review\"].", Body),
            Whole("agents", "How many agents answer a parallel or consensus task.", Body, 1, 10),
            Shaped("stages", new JsonObject
            {
                ["type"] = "array",
                ["description"] = "The stages of a pipeline task, in order (at least 2).",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["name"] = new JsonObject { ["type"] = "string" },
                        ["instruction"] = new JsonObject { ["type"] = "string" },
                        ["capabilities"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                    ["required"] = new JsonArray("instruction"),
                },
            }, Body),
            Flag("merge", "Whether a queen merges the answers of a parallel task into one.", Body),
            Whole("timeoutSeconds", "How long the task may take from acceptance.", Body, 1, 604_800),
            Flag("requiresApproval", "Whether a person must approve the task (approve_task) before any agent works on it.", Body),
            Shaped("metadata", new JsonObject { ["type"] = "object", ["description"] = "Free-form string pairs kept with the task.", ["additionalProperties"] = new JsonObject { ["type"] = "string" } }, Body),
            Text("idempotencyKey", "Sent again with the same value, returns the same task instead of a second one.", Header) with { WireName = "Idempotency-Key" },
        ]);

    public static readonly SwarmTool GetTask = new("get_task", "Read a task: its status, steps, result and cost (needs tasks:read).", SwarmRoutes.GetTask, [TaskId]);

    public static readonly SwarmTool WaitForTask = new(
        "wait_for_task",
        "Wait until a task ends (completed, failed or canceled) or the timeout passes, with progress notifications while it runs; " +
        "returns the task as get_task does (needs tasks:read).",
        SwarmRoutes.GetTask,
        [TaskId, Whole("timeoutSeconds", "How long to wait at most (60 when omitted).", Body, 1, TaskWaiter.MaxWaitSeconds)],
        WaitsForTheEnd: true);

    public static readonly SwarmTool ListTasks = new(
        "list_tasks", "List tasks, newest first (needs tasks:read).", SwarmRoutes.ListTasks,
        [Choice("status", "Only tasks in this status.", Query, "queued", "awaitingApproval", "running", "completed", "failed", "canceled"), PageSize, ContinuationToken]);

    public static readonly SwarmTool CancelTask = new("cancel_task", "Cancel a task that has not ended (needs tasks:cancel).", SwarmRoutes.CancelTask, [TaskId]);

    public static readonly SwarmTool ApproveTask = new("approve_task", "Approve a task that waits for a person, so agents start on it (needs tasks:approve).", SwarmRoutes.ApproveTask, [TaskId, Comment]);

    public static readonly SwarmTool RejectTask = new("reject_task", "Reject a task that waits for a person; it ends without running (needs tasks:approve).", SwarmRoutes.RejectTask, [TaskId, Comment]);

    public static readonly SwarmTool ListAgents = new(
        "list_agents", "List the swarm's agents with their status, load and skills (needs agents:read).", SwarmRoutes.ListAgents,
        [
            Choice("type", "Only agents of this type.", Query, "queen", "worker", "specialist"),
            Choice("status", "Only agents in this lifecycle state.", Query, "active", "draining", "retired"),
            Text("expertise", "Only agents with this skill.", Query),
            PageSize,
            ContinuationToken,
        ]);

    public static readonly SwarmTool GetAgent = new("get_agent", "Read one agent: profile, status, load and what it has learned (needs agents:read).", SwarmRoutes.GetAgent, [AgentId]);

    public static readonly SwarmTool CreateAgent = new(
        "create_agent", "Create an agent (needs agents:write). Fields left out take the defaults of POST /api/v1/agents.", SwarmRoutes.CreateAgent,
        [
            Text("id", "The agent's id (generated when omitted).", Body),
            Text("name", "A name for people.", Body, required: true),
            Choice("type", "Its kind (worker when omitted).", Body, "queen", "worker", "specialist"),
            Shaped("role", new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Its role: type, permissions, expertise (skills) and priority.",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["permissions"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    ["expertise"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    ["priority"] = new JsonObject { ["type"] = "integer" },
                },
            }, Body),
            Shaped("provider", new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Its model: provider type (e.g. 'simulated', 'openai'), model, maxTokens and temperature.",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["model"] = new JsonObject { ["type"] = "string" },
                    ["maxTokens"] = new JsonObject { ["type"] = "integer" },
                    ["temperature"] = new JsonObject { ["type"] = "number" },
                },
            }, Body),
            Whole("maxConcurrency", "How many steps it may work on at once (5 when omitted).", Body),
            Flag("autoScale", "Whether the autoscaler may add copies of it.", Body),
            Text("instructions", "Its system prompt (its type's default when omitted).", Body),
            Texts("tools", "Names or patterns of the tools it may call.", Body),
            Whole("maxTurns", "The most model turns of its tool loop.", Body),
            Whole("maxToolCalls", "The most tool calls of its tool loop.", Body),
        ]);

    public static readonly SwarmTool CreateProposal = new(
        "create_proposal", "Open a consensus proposal that agents vote on (needs consensus:propose).", SwarmRoutes.CreateProposal,
        [
            Text("question", "What is decided.", Body, required: true),
            Texts("options", "2 to 10 distinct options.", Body, required: true),
            Choice("algorithm", "How ballots are counted (simpleMajority when omitted).", Body, "simpleMajority", "superMajority", "unanimous", "weighted", "delegated"),
            Fraction("threshold", "The share an option needs (more than 0.5) for superMajority.", Body),
            Fraction("quorum", "The share of participants that must vote.", Body),
            Choice("ties", "What a tie decides.", Body, "noDecision", "statusQuo", "queenBreaks"),
            Text("statusQuo", "The option a tie keeps, when ties is statusQuo.", Body),
            Fraction("maxWeightShare", "The largest share of the weight one voter may hold (weighted).", Body),
            Shaped("participants", new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Who votes: {\"agents\": [ids]} or {\"capability\": skill, \"count\": n}.",
                ["properties"] = new JsonObject
                {
                    ["agents"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    ["capability"] = new JsonObject { ["type"] = "string" },
                    ["count"] = new JsonObject { ["type"] = "integer" },
                },
            }, Body, required: true),
            Text("capability", "The skill whose reputation weighs the ballots.", Body),
            Whole("deadlineSeconds", "How long each round waits for ballots (300 when omitted).", Body, 1, 86_400),
            Whole("maxRounds", "Rounds of debate before it ends undecided (2 when omitted).", Body, 1, 5),
        ]);

    public static readonly SwarmTool GetProposal = new("get_proposal", "Read a proposal: its ballots, rounds and outcome (needs consensus:read).", SwarmRoutes.GetProposal, [ProposalId]);

    public static readonly SwarmTool Vote = new(
        "vote", "Cast a ballot on a proposal (needs consensus:vote; an agent votes as itself).", SwarmRoutes.PostVote,
        [
            ProposalId,
            Text("choice", "The option chosen (leave out to abstain).", Body),
            Fraction("confidence", "How sure, 0 to 1.", Body),
            Text("rationale", "Why.", Body),
            Text("delegateTo", "The agent to hand this vote to (delegated algorithm).", Body),
        ]);

    public static readonly SwarmTool MemoryGet = new("memory_get", "Read one memory entry (needs memory:read).", SwarmRoutes.GetMemory, [Namespace, Key]);

    public static readonly SwarmTool MemoryPut = new(
        "memory_put", "Write one memory entry (needs memory:write); it is accepted at once and readable moments later.", SwarmRoutes.PutMemory,
        [Namespace, Key, Text("value", "The value to keep.", Body, required: true)]);

    public static readonly SwarmTool MemoryList = new("memory_list", "List the entries of a memory namespace (needs memory:read).", SwarmRoutes.ListMemory, [Namespace]);

    public static readonly SwarmTool MemorySearch = new(
        "memory_search", "Search a memory namespace by meaning and words (needs memory:read).", SwarmRoutes.SearchMemory,
        [Namespace, Text("q", "The words to look for.", Query, required: true), Whole("k", "How many entries at most.", Query, 1, 50)]);

    public static readonly SwarmTool SystemState = new("system_state", "The swarm's state: agents, queue, running tasks, providers, scaling (needs system:read).", SwarmRoutes.SystemState, []);

    public static IReadOnlyList<SwarmTool> All { get; } =
    [
        SubmitTask, GetTask, WaitForTask, ListTasks, CancelTask, ApproveTask, RejectTask, ListAgents, GetAgent, CreateAgent,
        CreateProposal, GetProposal, Vote, MemoryGet, MemoryPut, MemoryList, MemorySearch, SystemState,
    ];

    public static SwarmTool? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
