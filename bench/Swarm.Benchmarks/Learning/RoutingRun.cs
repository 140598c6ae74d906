using System.Globalization;
using NCrontab;
using Swarm.Application.Schedules;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// One variant over one seed's tasks, one at a time, through the real code: the dispatch board registers the agents,
/// is configured with the variant's policy, grants each task's seat (<c>DispatchBoard.Request</c>, ranking with
/// <c>AgentSelector</c>, <c>SkillPosterior</c> and <c>SelectionDraw</c>) and learns from its release
/// (<c>DispatchBoard.Release</c>, whose outcome signal moves the <c>SkillEstimate</c>); each finished task's fingerprint
/// (<c>PromptTerms</c>) goes into a <c>TaskAtlas</c>, and a variant with evidence asks it for the task's neighbours
/// (<c>TaskAtlas.Similar</c>) and turns them into the request's evidence (<c>SimilarTasks.EvidenceFor</c>). The outcome
/// is the only thing simulated: a draw against the chosen agent's hidden accuracy. With embeddings, the fingerprints and
/// queries carry each prompt's vector from the built-in model (<see cref="TaskVectors"/>), as the swarm's do with
/// <c>learning:embeddings</c> on. The learning pass runs on its default schedule against the bench's clock (a task a
/// minute unless the variant says otherwise), as the swarm's timer runs it.
/// </summary>
static class RoutingRun
{
    static readonly DateTimeOffset Start = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static readonly IReadOnlyList<string> Capabilities = [SimulatedPanel.Capability];

    /// <summary>
    /// The learning pass's default schedule (<c>LearningSchedule</c>, every 15 minutes), on the bench's clock (a task a
    /// minute unless the variant says otherwise): the pass fades the records its key's work has passed by, so it is part
    /// of how routing learns.
    /// </summary>
    static CrontabSchedule LearningPass { get; } =
        CrontabSchedule.Parse(PeriodicSchedules.Defaults[PeriodicSchedules.LearningSetting], new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public static RunTrace Run(RoutingVariant variant, SimulatedPanel panel, TaskStream stream, RecallSettings recall, TaskVectors? vectors = null)
    {
        // With shards, each agent on the shard its id places it on (ShardPlacement), as dispatch:shards does.
        var boards = Enumerable.Range(0, variant.Shards).Select(_ => new DispatchBoard().Configure(variant.Policy)).ToArray();
        int ShardOf(string agentId) => ShardPlacement.Of(agentId, variant.Shards);
        foreach (var id in panel.Founders)
        {
            boards[ShardOf(id)] = boards[ShardOf(id)].Register(panel.Profile(id), accepting: true, Start).Board;
        }

        var atlas = new TaskAtlas();
        var picker = new Random(stream.Seed ^ 0x5eed);
        var steps = new List<RoutedTask>(stream.Tasks.Count);
        var reinstated = 0;
        var clustering = variant.PatternSimilarity is { } similarity ? new PatternClustering(similarity) : null;
        var turn = 0;
        var passedUntil = Start;
        foreach (var task in stream.Tasks)
        {
            var at = Start.AddMinutes(task.Index * variant.MinutesPerTask);
            // The learning pass (LearningJob's DispatchBoard.Relax) at each of its scheduled times since the last task.
            foreach (var pass in LearningPass.GetNextOccurrences(passedUntil.UtcDateTime, at.UtcDateTime))
            {
                for (var shard = 0; shard < boards.Length; shard++)
                {
                    boards[shard] = boards[shard].Relax(variant.Policy.LearningRate, new DateTimeOffset(pass, TimeSpan.Zero));
                }
            }

            passedUntil = at;
            if (task.Index == panel.LateJoinAt)
            {
                var late = ShardOf(SimulatedPanel.LateJoiner);
                boards[late] = boards[late].Register(panel.Profile(SimulatedPanel.LateJoiner), accepting: true, at).Board;
            }

            var terms = PromptTerms.From(task.Prompt);
            var vector = variant.UsesEmbeddings ? (vectors ?? throw new InvalidOperationException($"{variant.Name} needs the prompts' vectors.")).Of(task.Prompt) : null;
            IReadOnlyList<string> capabilities = variant.Known switch
            {
                KnownKey.Category => [task.Category],
                KnownKey.Prompt => [task.Source],
                _ => Capabilities,
            };
            var neighbours = variant.UsesEvidence ? atlas.Similar(new SimilarQuery(terms, recall.Neighbours, recall.MinSimilarity, Embedding: vector)) : [];
            var evidence = SimilarTasks.EvidenceFor(neighbours, capabilities) is { Count: > 0 } found ? found : null;
            if (evidence is not null && recall.EvidenceWeight > 0)
            {
                evidence = [.. evidence.Select(e => e with { Similarity = recall.EvidenceWeight })];
            }
            // Pattern keys, as the swarm assigns them: the atlas names the pattern the prompt's vector is nearest (or none yet).
            var routedBy = clustering is not null && vector is not null ? atlas.PatternOf(vector, clustering.Similarity) : null;
            var pattern = routedBy is null ? null : PatternKey.Of(CapabilityKey.Of(capabilities), routedBy.Id);
            var sameCategory = neighbours.Count(n => stream.Tasks[int.Parse(n.Fingerprint.TaskId["task-".Length..], CultureInfo.InvariantCulture) - 1].Category == task.Category);
            // As StepRunner: a step with a pattern sends no similar-task evidence (the pattern's record holds it).
            var request = new SeatRequest(task.TaskId, "s1.a1", capabilities, 5, [], null, at, Evidence: pattern is null ? evidence : null, Pattern: pattern);
            if (variant.Baseline is { } pick)
            {
                var fitting = boards.SelectMany(b => b.Agents.Values).Where(a => AgentSelector.Fits(a, request)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
                var named = pick == BaselinePick.Random ? fitting[picker.Next(fitting.Count)] : fitting[turn++ % fitting.Count];
                request = request with { Agent = named };
            }

            var decided = DecisionCounts(boards);
            var (granting, decision) = Ask(boards, request);
            // A grant counts exactly one decision (Propose and a refused Claim count none).
            var choice = DecisionCounts(boards).Single(kind => kind.Value > decided.GetValueOrDefault(kind.Key)).Key;
            if (decision.Outcome != SeatOutcome.Granted || decision.AgentId is not { } agent)
            {
                throw new InvalidOperationException($"{variant.Name}: {task.TaskId} was not granted a seat: {decision.Outcome}, {decision.Reason}");
            }

            var accuracy = panel.Accuracy(agent, task.Category);
            var succeeded = task.OutcomeDraw < accuracy;
            var ended = at.AddSeconds(30);
            boards[granting] = boards[granting].Release(new SeatRelease(agent, request.Holder, capabilities, new WorkOutcome(succeeded, 30_000, new ModelUsage(0, 0, 0), ended), Pattern: pattern), ended).Board;

            // Self-healing's part, at once: three failures in a row (frequent at 55 %) make an agent unhealthy, and the
            // swarm's health job reinstates it after its probation; here probation is the next task.
            var home = ShardOf(agent);
            if (boards[home].Agents[agent].IsUnhealthy)
            {
                boards[home] = boards[home].Reinstate(agent, ended).Board;
                reinstated++;
            }

            atlas = atlas.Add(new TaskFingerprint(
                task.TaskId, ended, "bench", CapabilityKey.Of(capabilities), capabilities, TaskStrategy.Single,
                succeeded ? TaskRunStatus.Completed : TaskRunStatus.Failed, succeeded ? null : "Rejected", 0, 30_000,
                [new StepTrace(agent, "answer", capabilities, succeeded)], terms, Embedding: vector, Pattern: routedBy?.Id), clustering: clustering);
            steps.Add(new RoutedTask(task, agent, accuracy, panel.Best(task.Index, task.Category), succeeded, neighbours.Count, sameCategory, choice, pattern ?? capabilities[0]));
        }

        return new RunTrace(variant, stream.Seed, steps, ShardedBoard.Merge(boards).Routing ?? RoutingCounts.None, reinstated);
    }

    /// <summary>The seat decisions the boards have counted, by kind, summed over the shards (<c>RoutingCounts.Plus</c>).</summary>
    static IReadOnlyDictionary<string, long> DecisionCounts(DispatchBoard[] boards) =>
        boards.Aggregate(RoutingCounts.None, (sum, board) => sum.Plus(board.Routing ?? RoutingCounts.None)).Decisions;

    /// <summary>
    /// One board: its <c>Request</c>. Shards: the sharded step's propose/claim round (<c>ShardedSeatRequest</c>): every
    /// shard proposes (<c>DispatchBoard.Propose</c>), the step claims on the best proposal (<c>ShardProposals.ClaimOrder</c>),
    /// then the next best; tasks run one at a time, so the first claim grants and the queueing phase never comes.
    /// </summary>
    static (int Shard, SeatDecision Decision) Ask(DispatchBoard[] boards, SeatRequest request)
    {
        if (boards.Length == 1)
        {
            (boards[0], var decision) = boards[0].Request(request);
            return (0, decision);
        }

        var proposals = boards.Select(board => board.Propose(request)).ToList();
        SeatDecision? last = null;
        foreach (var shard in ShardProposals.ClaimOrder(proposals, request.Holder))
        {
            (boards[shard], var claimed) = boards[shard].Claim(new SeatClaim(request, proposals[shard]));
            if (claimed.Outcome == SeatOutcome.Granted)
            {
                return (shard, claimed);
            }

            last = claimed;
        }

        return (0, last ?? SeatDecision.Busy(string.Join("; ", proposals.Select(p => $"{p.Outcome}: {p.Reason}"))));
    }
}
