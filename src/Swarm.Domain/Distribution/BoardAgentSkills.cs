using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// An agent's skill on the board: one <see cref="SkillEstimate"/> per capability key, changed only here, with its trace
/// and <see cref="BoardAgent.Reputation"/> rewritten as the estimates' means in the same change (one source, one derived
/// copy inside one record).
/// </summary>
public sealed partial record BoardAgent
{
    /// <summary>
    /// How many changes the skill trace keeps: 10, the design's fallback from 20, since 50 agents' traces at 20 made the
    /// stored board about 380 KB (docs/design/learning.md §11; BoardLearningTests measures it).
    /// </summary>
    public const int TraceLength = 10;

    /// <summary>
    /// The most evidence a reputation stored before version 3 is taken to rest on when it becomes an estimate: enough to
    /// keep its side, little enough that new outcomes soon correct it.
    /// </summary>
    public const int MigratedEvidence = 10;

    /// <summary>
    /// Pattern records an agent keeps (<see cref="Patterns.PatternKey"/>); beyond it the least recently taught goes, so a
    /// swarm that recognises ever new patterns does not grow its board without bound.
    /// </summary>
    public const int MaxPatternSkills = Patterns.PatternClustering.DefaultMaxPatterns;

    /// <summary>The estimate for one capability key; the prior (mean one half, no evidence) when it has none.</summary>
    public SkillEstimate SkillOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(EstimatesOrMigrated(), key) ?? SkillEstimate.Unknown;
    }

    /// <summary>Its estimates, derived from the stored reputation when the agent was stored before version 3.</summary>
    public IReadOnlyDictionary<string, SkillEstimate> EstimatesOrMigrated() => Skills ?? Migrate();

    /// <summary>Takes one signal for each of its keys at learning rate η, tracing each change.</summary>
    public BoardAgent Learn(SkillSignal signal, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var skills = Copy(EstimatesOrMigrated());
        var updates = new List<SkillUpdate>();
        foreach (var key in KeysOf(signal.Keys))
        {
            var before = Find(skills, key) ?? SkillEstimate.Unknown;
            var after = before.Apply(signal.Value, signal.Weight, learningRate, signal.At);
            skills[key] = after;
            updates.Add(new SkillUpdate(signal.Id, signal.Kind, key, signal.Value, signal.Weight, before.Mean, after.Mean, signal.At));
        }

        foreach (var stale in skills.Where(s => Patterns.PatternKey.IsPattern(s.Key)).OrderByDescending(s => s.Value.UpdatedAt).ThenBy(s => s.Key, StringComparer.Ordinal).Skip(MaxPatternSkills).ToList())
        {
            skills.Remove(stale.Key);
        }

        return WithSkills(skills, updates.Aggregate(SkillTrace ?? [], Prepend));
    }

    /// <summary>
    /// The learning pass for this agent: every estimate of a key in <paramref name="taught"/> (the keys some agent was
    /// taught since <paramref name="since"/>) that no signal changed since then loses evidence at rate η (mean toward one
    /// half, doubt wider). Returns how many estimates it relaxed.
    /// </summary>
    public (BoardAgent Agent, int Relaxed) Relax(double learningRate, DateTimeOffset since, DateTimeOffset now, IReadOnlySet<string> taught)
    {
        ArgumentNullException.ThrowIfNull(taught);
        var skills = Copy(EstimatesOrMigrated());
        var trace = SkillTrace ?? [];
        var relaxed = 0;
        foreach (var (key, before) in skills.Where(s => (s.Value.UpdatedAt is not { } at || at < since) && taught.Contains(s.Key)).ToList())
        {
            var after = before.Relax(learningRate);
            skills[key] = after;
            trace = MergeRelax(trace, new SkillUpdate($"relax:{now:O}", SkillKind.Relax, key, 0, 0, before.Mean, after.Mean, now));
            relaxed++;
        }

        return relaxed == 0 ? (this, 0) : (WithSkills(skills, trace), relaxed);
    }

    /// <summary>Returns one key's estimate, with the records of the patterns of its tasks, (or every one, for a null key) to the prior and traces it.</summary>
    public BoardAgent ResetSkill(string? key, DateTimeOffset at)
    {
        var skills = Copy(EstimatesOrMigrated());
        var trace = SkillTrace ?? [];
        var id = $"reset:{Id}:{at:O}";
        foreach (var known in skills.Keys.Where(k => key is null || string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || IsPatternOf(k, key)).ToList())
        {
            trace = Prepend(trace, new SkillUpdate(id, SkillKind.Reset, known, 0, 0, skills[known].Mean, SkillEstimate.Unknown.Mean, at));
            skills.Remove(known);
        }

        return WithSkills(skills, trace) with { SkillResetAt = at };
    }

    /// <summary>The keys a signal or request concerns: its capabilities, or <see cref="AgentSelector.GeneralCapability"/> when it names none.</summary>
    public static IReadOnlyList<string> KeysOf(IReadOnlyList<string> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Count > 0 ? [.. capabilities.Distinct(StringComparer.OrdinalIgnoreCase)] : [AgentSelector.GeneralCapability];
    }

    /// <summary>
    /// The keys an outcome of work taught by a pattern moves: its capabilities' (or general) and the pattern's; without a
    /// pattern, the capabilities as given (a signal's empty keys already mean general).
    /// </summary>
    public static IReadOnlyList<string> SkillKeysOf(IReadOnlyList<string> capabilities, string? pattern) =>
        pattern is null ? capabilities : [.. KeysOf(capabilities), pattern];

    // A pattern of tasks that needed the capability (alone or with others: 'analysis+sql~3' is one of 'analysis').
    static bool IsPatternOf(string skillKey, string capability) =>
        Patterns.PatternKey.IsPattern(skillKey)
        && skillKey[..skillKey.IndexOf(Patterns.PatternKey.Separator, StringComparison.Ordinal)].Split('+').Contains(capability, StringComparer.OrdinalIgnoreCase);

    BoardAgent WithSkills(Dictionary<string, SkillEstimate> skills, IReadOnlyList<SkillUpdate> trace) => this with
    {
        Skills = skills,
        SkillTrace = trace,
        Reputation = skills.ToDictionary(s => s.Key, s => s.Value.Mean, StringComparer.OrdinalIgnoreCase),
    };

    Dictionary<string, SkillEstimate> Migrate()
    {
        var outcomes = Work.Completed + Work.Failed;
        var evidence = Math.Min(MigratedEvidence, outcomes);
        // The outcomes the reputation was learnt from count as its signals, so a veteran does not warm up again.
        return Reputation.ToDictionary(
            r => r.Key,
            r => new SkillEstimate(Math.Clamp(r.Value, 0, 1) * evidence, (1 - Math.Clamp(r.Value, 0, 1)) * evidence, Work.LastActiveAt, outcomes),
            StringComparer.OrdinalIgnoreCase);
    }

    // A stored board's dictionaries read back with the default (ordinal) comparer; capabilities compare ignoring case.
    static Dictionary<string, SkillEstimate> Copy(IReadOnlyDictionary<string, SkillEstimate> skills) =>
        new(skills, StringComparer.OrdinalIgnoreCase);

    static SkillEstimate? Find(IReadOnlyDictionary<string, SkillEstimate> skills, string key) =>
        skills.TryGetValue(key, out var exact) ? exact
        : skills.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    static IReadOnlyList<SkillUpdate> Prepend(IReadOnlyList<SkillUpdate> trace, SkillUpdate update) =>
        [update, .. trace.Take(TraceLength - 1)];

    // Consecutive passes over a key are one line: a pass merges into the key's line among the relax lines at the head.
    static IReadOnlyList<SkillUpdate> MergeRelax(IReadOnlyList<SkillUpdate> trace, SkillUpdate pass)
    {
        for (var i = 0; i < trace.Count && trace[i].Kind == SkillKind.Relax; i++)
        {
            if (string.Equals(trace[i].Key, pass.Key, StringComparison.OrdinalIgnoreCase))
            {
                var merged = pass with { MeanBefore = trace[i].MeanBefore, Times = trace[i].Times + 1, Since = trace[i].Since ?? trace[i].At };
                return [.. trace.Take(i), merged, .. trace.Skip(i + 1)];
            }
        }

        return Prepend(trace, pass);
    }
}
