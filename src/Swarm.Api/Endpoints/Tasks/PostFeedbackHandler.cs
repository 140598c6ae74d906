using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Application.Learning;
using Swarm.Application.Security;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Learning;
using Swarm.Workflows.Tasks;
using Swarm.Domain.Patterns;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/v1/tasks/{id}/feedback</c>: a person rates a finished (completed or failed) task, and the agents that
/// worked on it learn from it. The submitter may rate their own task; rating anyone's needs <c>tasks:feedback:any</c>.
/// An agent may not rate (it would be judging work it took part in). One rating per person and task: a second is
/// <c>409</c>, also when two requests race: the task's ratings keep one, and the request reads back which. <c>202</c>:
/// this rating is the one kept (or, past <see cref="FeedbackRecorder.VerdictWait"/>, still queued; see <see cref="FeedbackRecorder"/>).
/// </summary>
public sealed class PostFeedbackHandler(SwarmSettings settings, FeedbackRecorder recorder, TimeProvider time) : IApiHandler
{
    /// <summary>Longest comment taken, in characters.</summary>
    public const int MaxCommentLength = 2_000;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<FeedbackBody>(request, settings.Api.MaxRequestBytes, cancellationToken);
        if (Validate(body) is { Count: > 0 } errors)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var principal = request.Principal!;
        if (principal.AgentId is not null)
        {
            return ApiResponse.Problem(Problems.NotPermitted("An agent may not rate tasks; ratings come from people."));
        }

        if (await TaskLookup.FindAsync(request, durable, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        var task = found.View;
        if (!task.IsFinishedWork)
        {
            return ApiResponse.Problem(Problems.Conflict($"Task '{task.Id}' is {task.Status.ToString().ToLowerInvariant()}; only a completed or failed task can be rated."));
        }

        var input = found.Instance.ReadInputAs<TaskRunInput>();
        if (!string.Equals(input?.SubmittedBy, principal.Subject, StringComparison.Ordinal) && !principal.Has(Permissions.TasksFeedbackAny))
        {
            return ApiResponse.Problem(Problems.NotPermitted(
                $"Only the task's submitter may rate it, or a caller with the '{Permissions.TasksFeedbackAny}' permission."));
        }

        var ratings = await new FeedbackClient(durable).GetAsync(task.Id, cancellationToken);
        if (ratings.By(principal.Subject) is { } earlier)
        {
            return ApiResponse.Problem(Problems.Conflict($"'{principal.Subject}' rated task '{task.Id}' already ({earlier.Value}/{Rating.Highest} at {earlier.At:O}); a rating is not changed."));
        }

        if (ratings.IsFull)
        {
            return ApiResponse.Problem(Problems.Conflict($"Task '{task.Id}' has {TaskRatings.MaxRaters} ratings, the most it keeps."));
        }

        var rating = new Rating(principal.Subject, body.Rating!.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment, time.GetUtcNow());
        var work = WorkOf(task, input);
        var verdict = await recorder.RecordAsync(durable, task.Id, input?.Capabilities ?? [], rating, work, CancellationToken.None);
        switch (verdict.Outcome)
        {
            case RatingOutcomeSeen.AlreadyRated:
                // Another request by the same person was kept first (they raced past the check above).
                return ApiResponse.Problem(Problems.Conflict($"'{principal.Subject}' rated task '{task.Id}' already ({verdict.Kept!.Value}/{Rating.Highest} at {verdict.Kept.At:O}); a rating is not changed."));
            case RatingOutcomeSeen.Full:
                return ApiResponse.Problem(Problems.Conflict($"Task '{task.Id}' has {TaskRatings.MaxRaters} ratings, the most it keeps."));
        }

        var agents = work.Select(w => w.AgentId).ToList();
        var location = SwarmRoutes.GetTask.PathFor(("id", task.Id));

        // The comment's text stays with the rating; the audit trail says who rated what, and how long the comment was.
        var detail = $"rating {rating.Value} by {rating.By} for {(agents.Count > 0 ? string.Join(", ", agents) : "no agent")}"
            + (rating.Comment is { Length: var length } ? $" (comment, {length} characters)" : "");
        return ApiResponse.Accepted(new FeedbackAccepted(task.Id, rating.Value, agents, location), location) with { AuditDetail = detail };
    }

    /// <summary>
    /// The agents that answered the task's steps, each with the capabilities its steps asked for (a step that asked for
    /// none is general work; a task recorded before steps kept theirs falls back to the task's), and the pattern a step
    /// was routed by, so the rating moves the record that routes such work. A failed task has no outcome, so every agent
    /// that held a seat of it is rated for the task's capabilities.
    /// </summary>
    static List<RatedWork> WorkOf(TaskView task, TaskRunInput? input)
    {
        IReadOnlyList<string> taskCapabilities = input?.Capabilities ?? [];
        if (task.Steps is not { } steps)
        {
            return [.. task.Agents.Distinct(StringComparer.Ordinal).Select(a => new RatedWork(a, BoardAgent.KeysOf(taskCapabilities)))];
        }

        return [.. steps
            .GroupBy(s => s.AgentId, StringComparer.Ordinal)
            .Select(g => new RatedWork(g.Key, [.. g.SelectMany(s => BoardAgent.KeysOf(s.Capabilities ?? taskCapabilities).Concat(s.Pattern is { } pattern ? [pattern] : [])).Distinct(StringComparer.OrdinalIgnoreCase)]))];
    }

    static List<FieldError> Validate(FeedbackBody body)
    {
        var errors = new List<FieldError>();
        if (body.Rating is not (>= Rating.Lowest and <= Rating.Highest))
        {
            errors.Add(new("rating", $"is required, a whole number from {Rating.Lowest} to {Rating.Highest}."));
        }

        if (body.Comment is { Length: > MaxCommentLength })
        {
            errors.Add(new("comment", $"is at most {MaxCommentLength} characters."));
        }
        else if (body.Comment is { } comment && comment.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(new("comment", "may not contain control characters other than line breaks and tabs."));
        }

        return errors;
    }
}
