using Swarm.Domain.Agents;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// The simulated agents of the learning bench and their hidden accuracy by category (docs/design/learning.md §9): five
/// specialists, each right 90 % of the time in its own category and 55 % elsewhere, a generalist right 72 % everywhere,
/// and a late joiner, better than anyone at the first category (95 %), that registers half-way. Every agent is an
/// ordinary worker with the one capability <see cref="Capability"/>, one seat, the same role priority: nothing but
/// learned skill tells them apart to the router, and nothing tells it the category.
/// </summary>
sealed class SimulatedPanel
{
    public const string Capability = "analysis";

    public const string LateJoiner = "late-1";

    const double SpecialistAccuracy = 0.90;

    const double OffCategoryAccuracy = 0.55;

    const double GeneralistAccuracy = 0.72;

    const double LateJoinerAccuracy = 0.95;

    readonly IReadOnlyList<string> categories;

    readonly IReadOnlyList<string> sources;

    public SimulatedPanel(LabelledPrompts prompts, int lateJoinAt)
    {
        categories = prompts.Categories;
        sources = [.. categories.SelectMany(c => Enumerable.Range(0, prompts.Of(c).Count).Select(i => TaskStream.SourceKey(c, i)))];
        LateJoinAt = lateJoinAt;
        Founders = [.. Enumerable.Range(1, categories.Count).Select(i => $"sim-{i}"), "generalist"];
    }

    /// <summary>The agents on the board from the first task.</summary>
    public IReadOnlyList<string> Founders { get; }

    /// <summary>The index of the task before which <see cref="LateJoiner"/> registers.</summary>
    public int LateJoinAt { get; }

    /// <summary>The category the late joiner is best at (the first one).</summary>
    public string LateJoinerCategory => categories[0];

    public IEnumerable<string> PresentAt(int task) => task >= LateJoinAt ? [.. Founders, LateJoiner] : Founders;

    /// <summary>How likely the agent is to get a task of the category right: what the router must learn.</summary>
    public double Accuracy(string agentId, string category) => agentId switch
    {
        "generalist" => GeneralistAccuracy,
        LateJoiner => category == LateJoinerCategory ? LateJoinerAccuracy : OffCategoryAccuracy,
        _ => categories[int.Parse(agentId["sim-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1] == category ? SpecialistAccuracy : OffCategoryAccuracy,
    };

    /// <summary>The accuracy of the best agent on the board for the task: what always choosing right would give.</summary>
    public double Best(int task, string category) => PresentAt(task).Max(a => Accuracy(a, category));

    /// <summary>The agent's profile: a worker with one seat and the capability <see cref="Capability"/>, and every category and source prompt as one too (for the reference rows).</summary>
    public AgentProfile Profile(string agentId) =>
        new(agentId, agentId, AgentType.Worker, new ProviderSettings(ProviderSettings.SimulatedType, "simulated"), 1, new AgentRole("operational", [], [Capability, .. categories, .. sources], 5));

    /// <summary>How each agent is described in the report.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        .. categories.Select((c, i) => $"`sim-{i + 1}`: {SpecialistAccuracy:0.00} in {c}, {OffCategoryAccuracy:0.00} elsewhere"),
        $"`generalist`: {GeneralistAccuracy:0.00} everywhere",
        $"`{LateJoiner}` (registers before task {LateJoinAt + 1}): {LateJoinerAccuracy:0.00} in {LateJoinerCategory}, {OffCategoryAccuracy:0.00} elsewhere",
    ];
}
