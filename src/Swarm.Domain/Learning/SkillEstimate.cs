using System.Text.Json.Serialization;

namespace Swarm.Domain.Learning;

/// <summary>
/// How good an agent is at one capability, and how sure we are of it: a Beta posterior over its chance of success with
/// a uniform prior, <c>α = 1 + S</c>, <c>β = 1 + F</c>, where <see cref="Successes"/> and <see cref="Failures"/> are
/// decayed, weighted counts of the signals seen (see <see cref="Apply"/>). Immutable; each update is a new value.
/// </summary>
/// <param name="Successes">S ≥ 0: the weighted, decayed evidence of success.</param>
/// <param name="Failures">F ≥ 0: the weighted, decayed evidence of failure.</param>
/// <param name="UpdatedAt">When a signal last changed it; null for an estimate no signal has reached.</param>
/// <param name="Signals">How many signals it has taken (not decayed; for the trace and the metrics).</param>
public sealed record SkillEstimate(double Successes, double Failures, DateTimeOffset? UpdatedAt, long Signals)
{
    /// <summary>Nothing known: mean one half, no evidence.</summary>
    public static SkillEstimate Unknown { get; } = new(0, 0, null, 0);

    /// <summary>The posterior mean <c>α / (α + β)</c>: the estimated chance of success.</summary>
    [JsonIgnore] // Derived; stored boards keep only the counts.
    public double Mean => (1 + Successes) / (2 + Successes + Failures);

    /// <summary><c>n = S + F</c>: how much the estimate rests on; it saturates near <c>1 / learningRate</c>.</summary>
    [JsonIgnore] // Derived; stored boards keep only the counts.
    public double Evidence => Successes + Failures;

    /// <summary>The posterior's standard deviation, <c>sqrt(αβ / ((α+β)²(α+β+1)))</c>: how unsure we still are.</summary>
    [JsonIgnore] // Derived; stored boards keep only the counts.
    public double StandardDeviation
    {
        get
        {
            double alpha = 1 + Successes, beta = 1 + Failures, sum = alpha + beta;
            return Math.Sqrt(alpha * beta / (sum * sum * (sum + 1)));
        }
    }

    /// <summary>
    /// Takes one signal: <c>d = (1 − η)^w</c>, <c>S ← d·S + w·y</c>, <c>F ← d·F + w·(1 − y)</c>. Old evidence fades by the
    /// learning rate η for each unit of weight, so the evidence saturates at about <c>1/η</c> and, once the agent is known,
    /// one unit-weight signal moves the mean by about η; early signals move it by about <c>1/n</c>, so a new agent is
    /// learnt fast. The cap on evidence is also a floor on doubt: no estimate becomes certain enough to shut an agent out.
    /// </summary>
    /// <param name="value">y in [0, 1]: 1 for a success, 0 for a failure, in between for a rating.</param>
    /// <param name="weight">w &gt; 0: how much the signal counts against a step's outcome (1).</param>
    /// <param name="learningRate">η in (0, 1]: <c>learning:learningRate</c>; at 1 the estimate keeps only this signal.</param>
    public SkillEstimate Apply(double value, double weight, double learningRate, DateTimeOffset at)
    {
        Require(value is >= 0 and <= 1, nameof(value), "must be between 0 and 1");
        Require(weight is > 0 and <= 100, nameof(weight), "must be above 0 and at most 100");
        RequireRate(learningRate);
        var decay = Math.Pow(1 - learningRate, weight);
        return new(decay * Successes + weight * value, decay * Failures + weight * (1 - value), at, Signals + 1);
    }

    /// <summary>
    /// The learning pass's fading of an estimate no signal confirmed since the previous pass: both counts shrink by η,
    /// which draws the mean toward one half and widens the doubt, so an agent with an old bad record is tried again.
    /// </summary>
    public SkillEstimate Relax(double learningRate)
    {
        RequireRate(learningRate);
        return this with { Successes = Successes * (1 - learningRate), Failures = Failures * (1 - learningRate) };
    }

    static void RequireRate(double learningRate) =>
        // 1 is allowed (the settings allow it): d = 0, so only the last signal is kept and a relax forgets everything.
        Require(learningRate is > 0 and <= 1, nameof(learningRate), "must be above 0 and at most 1");

    static void Require(bool holds, string name, string rule)
    {
        if (!holds)
        {
            throw new ArgumentOutOfRangeException(name, $"'{name}' {rule}.");
        }
    }
}
