using System.Text.Json.Nodes;
using Microsoft.DurableTask.Converters;
using Swarm.Domain.Agents;
using Swarm.Domain.Consensus;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Consensus;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tests;

/// <summary>
/// Orchestrations started before a field was added replay from their stored input, so an input written without the
/// field must read back with the value that keeps the old behaviour (here: no real-time notices, so no new activity).
/// An old input is today's, as the durable converter writes it, with the newer fields taken out.
/// </summary>
public sealed class InputCompatibilityTests
{
    [Fact]
    public void A_task_input_stored_before_the_real_time_channel_reads_back_with_no_notices()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            SubmittedBy: "someone", Notify: true, NotifySubmitter: true);

        var input = ReadWithout(today, "Notify", "NotifySubmitter");

        Assert.Equal("someone", input.SubmittedBy);
        Assert.False(input.Notify);
        Assert.False(input.NotifySubmitter);
    }

    [Fact]
    public void A_task_input_stored_before_token_streams_reads_back_unstreamed()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            SubmittedBy: "someone", Notify: true, Stream: true);

        var input = ReadWithout(today, "Stream");

        Assert.False(input.Stream);
        Assert.Empty(Swarm.Workflows.Realtime.RealtimeEvents.FinishedFor(input, "completed", "done"));
    }

    [Fact]
    public void An_agent_turn_stored_before_token_streams_reads_back_without_a_stream()
    {
        var today = new Agents.AgentTurn("task-1", new Domain.Agents.AgentProfile("a1", "A", Domain.Agents.AgentType.Worker, new Domain.Agents.ProviderSettings("simulated", "sim"), 1), "p",
            Stream: new Agents.TurnStreaming("someone", "main", 1));

        var turn = ReadWithout(today, "Stream");

        Assert.Null(turn.Stream);
        Assert.Equal("p", turn.Prompt);
    }

    [Fact]
    public void A_proposal_input_stored_before_the_real_time_channel_reads_back_with_no_notices()
    {
        var today = new ProposalInput("proposal-1", "q", ["a", "b"], new ConsensusRules(ConsensusAlgorithm.SimpleMajority), new ParticipantSpec(["a1"], null, null),
            null, TimeSpan.FromMinutes(5), 2, "someone", Notify: true);

        var input = ReadWithout(today, "Notify");

        Assert.Equal("someone", input.ProposedBy);
        Assert.False(input.Notify);
    }

    [Fact]
    public void A_proposal_input_stored_before_pattern_keys_reads_back_teaching_the_capability_alone()
    {
        var today = new ProposalInput("proposal-1", "q", ["a", "b"], new ConsensusRules(ConsensusAlgorithm.SimpleMajority), new ParticipantSpec(["a1"], null, null),
            "sql", TimeSpan.FromMinutes(5), 2, "someone", Learn: true, Pattern: "sql~3");

        var input = ReadWithout(today, "Pattern");

        Assert.Equal(("sql", true), (input.Capability, input.Learn));
        Assert.Null(input.Pattern);
    }

    [Fact]
    public void A_task_input_stored_before_pattern_recognition_reads_back_without_it()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            SubmittedBy: "someone", Patterns: new Swarm.Workflows.Patterns.PatternOptions(20, 0.25, false, 500));

        var input = ReadWithout(today, "Patterns");

        Assert.Equal("someone", input.SubmittedBy);
        Assert.Null(input.Patterns);
    }

    [Fact]
    public void A_task_input_stored_before_changes_went_together_reads_back_with_separate_index_and_notice_activities()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            SubmittedBy: "someone", NotifyGroups: true, AcceptedAt: DateTimeOffset.UnixEpoch, ChangesTogether: true);

        var input = ReadWithout(today, "ChangesTogether");

        Assert.Equal(DateTimeOffset.UnixEpoch, input.AcceptedAt);
        Assert.False(input.ChangesTogether);
    }

    [Fact]
    public void A_task_input_stored_before_the_first_seat_went_with_the_model_call_reads_back_with_its_own_activity_for_it()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            NotifyGroups: true, AcceptedAt: DateTimeOffset.UnixEpoch, ChangesTogether: true, FirstWriteAtSeat: true);

        var input = ReadWithout(today, "FirstWriteAtSeat");

        Assert.True(input.ChangesTogether);
        Assert.False(input.FirstWriteAtSeat);
    }

    [Fact]
    public void Pattern_options_stored_before_fingerprint_embeddings_read_back_embedding_nothing()
    {
        var today = new Swarm.Workflows.Patterns.PatternOptions(20, 0.25, false, 500, Embed: true);

        var options = ReadWithout(today, "Embed");

        Assert.Equal(20, options.Neighbours);
        Assert.False(options.Embed);
    }

    [Fact]
    public void A_similar_query_and_fingerprint_stored_before_embeddings_read_back_without_vectors()
    {
        var fingerprint = new Swarm.Domain.Patterns.TaskFingerprint("t1", DateTimeOffset.UnixEpoch, "someone", "general", [], TaskStrategy.Single, TaskRunStatus.Completed,
            null, 0, 1, [], Swarm.Domain.Patterns.PromptTerms.From("sql query"), Embedding: Swarm.Domain.Learning.QuantizedEmbedding.From("openai:m", [1f, 0f]));
        var query = new Swarm.Domain.Patterns.SimilarQuery(Swarm.Domain.Patterns.PromptTerms.From("sql query"), 20, 0.25, "t2", fingerprint.Embedding);

        Assert.Null(ReadWithout(fingerprint, "Embedding").Embedding);
        Assert.Null(ReadWithout(query, "Embedding").Embedding);
    }

    [Fact]
    public void A_step_outcome_stored_before_its_capabilities_reads_back_without_them()
    {
        var today = new StepOutcome("answer", "a1", new AgentAnswer("x", "simulated", "sim", true, 1, 1, 1), [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ["sql"]);

        var outcome = ReadWithout(today, "Capabilities");

        Assert.Equal("a1", outcome.AgentId);
        Assert.Null(outcome.Capabilities);
    }

    [Fact]
    public void A_proposal_input_stored_before_learning_reads_back_teaching_no_voter()
    {
        var today = new ProposalInput("proposal-1", "q", ["a", "b"], new ConsensusRules(ConsensusAlgorithm.SimpleMajority), new ParticipantSpec(["a1"], null, null),
            "sql", TimeSpan.FromMinutes(5), 2, "someone", Notify: true, NotifyGroup: true, Learn: true);

        var input = ReadWithout(today, "Learn");

        Assert.True(input.NotifyGroup);
        Assert.False(input.Learn);
    }

    [Fact]
    public void A_seat_request_stored_before_similar_tasks_reads_back_with_no_evidence()
    {
        var today = new SeatRequest("task-1", "s1.1", ["sql"], 5, [], null, DateTimeOffset.UnixEpoch, Evidence: [new SimilarEvidence("a1", 0.9, 1, DateTimeOffset.UnixEpoch)]);

        var request = ReadWithout(today, "Evidence");

        Assert.Null(request.Evidence);
        Assert.Equal(["sql"], request.Capabilities);
    }

    [Fact]
    public void A_seat_release_stored_before_late_signals_reads_back_on_time()
    {
        var today = new SeatRelease("a1", "task-1/s1.1", ["sql"], null, Announce: true, Late: true);

        var release = ReadWithout(today, "Late");

        Assert.False(release.Late);
        Assert.True(release.Announce);
    }

    [Fact]
    public void A_dispatch_board_stored_at_version_2_reads_back_with_its_reputation_and_no_policy()
    {
        var profile = new AgentProfile("a1", "A", AgentType.Worker, new ProviderSettings("simulated", "sim"), 1);
        var today = new DispatchBoard().Register(profile, accepting: true).Board.Learn(new SkillSignal("vote:p:a1", SkillKind.Consensus, "a1", [], 1, 0.5, DateTimeOffset.UnixEpoch));
        var stored = JsonNode.Parse(JsonDataConverter.Default.Serialize(today)!)!.AsObject();
        stored["Version"] = 2;
        foreach (var name in new[] { "Policy", "RecentSignals", "Routing", "EffectivePolicy" })
        {
            stored.Remove(name);
        }

        var agent = stored["Agents"]!["a1"]!.AsObject();
        foreach (var name in new[] { "Skills", "SkillTrace", "SkillResetAt" })
        {
            agent.Remove(name);
        }

        var board = JsonDataConverter.Default.Deserialize<DispatchBoard>(stored.ToJsonString())!;

        Assert.Equal((2, null), (board.Version, board.Policy));
        Assert.Equal(today.Agents["a1"].Reputation["general"], board.Agents["a1"].Reputation["general"]);
        Assert.Null(board.Agents["a1"].Skills);
        Assert.Equal(LearningPolicy.Default, board.EffectivePolicy);
    }

    [Fact]
    public void A_task_input_stored_before_groups_reads_back_telling_no_group()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            Notify: true, NotifySubmitter: true, NotifyGroups: true);

        var input = ReadWithout(today, "NotifyGroups");

        Assert.True(input.Notify);
        Assert.False(input.NotifyGroups);
    }

    [Fact]
    public void A_proposal_input_stored_before_groups_reads_back_telling_no_group()
    {
        var today = new ProposalInput("proposal-1", "q", ["a", "b"], new ConsensusRules(ConsensusAlgorithm.SimpleMajority), new ParticipantSpec(["a1"], null, null),
            null, TimeSpan.FromMinutes(5), 2, "someone", Notify: true, NotifyGroup: true);

        Assert.False(ReadWithout(today, "NotifyGroup").NotifyGroup);
    }

    [Fact]
    public void A_provisioning_or_scaling_stored_before_operator_notices_reads_back_telling_nobody()
    {
        var profile = new AgentProfile("a1", "A1", AgentType.Worker, new ProviderSettings("simulated", "m"), 1);

        Assert.False(ReadWithout(new AgentProvisioning(profile, 10, Notify: true), "Notify").Notify);
        Assert.False(ReadWithout(new PoolScaling(new AgentPool(AgentType.Worker, []), 2, null, new PoolTemplate(), 10, Notify: true), "Notify").Notify);
    }

    [Fact]
    public void A_retirement_stored_as_the_agents_id_alone_reads_back_telling_nobody_and_a_new_one_round_trips()
    {
        var stored = JsonDataConverter.Default.Deserialize<AgentRetirement>(JsonDataConverter.Default.Serialize("a1"))!;
        var today = JsonDataConverter.Default.Deserialize<AgentRetirement>(JsonDataConverter.Default.Serialize(new AgentRetirement("a2", Notify: true)))!;

        Assert.Equal(new AgentRetirement("a1", Notify: false), stored);
        Assert.Equal(new AgentRetirement("a2", Notify: true), today);
    }

    [Fact]
    public void A_task_input_stored_before_memory_embeddings_reads_back_embedding_nothing()
    {
        var today = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1),
            SubmittedBy: "someone", EmbedMemory: true);

        var input = ReadWithout(today, "EmbedMemory");

        Assert.False(input.EmbedMemory);
    }

    [Fact]
    public void A_memory_search_recorded_with_whole_number_scores_and_no_vectors_reads_back()
    {
        // As MemoryEntity.Search answered, and the memory tools' histories recorded, before scores were TF-IDF cosines.
        const string recorded = """[{"Key":"solar","Entry":{"Value":"Solar capacity grew","UpdatedAt":"2026-11-01T00:00:00+00:00","UpdatedBy":"agent:a1","Sealed":false},"Score":2}]""";
        const string query = """{"Query":"solar growth","Limit":5}""";

        var hits = JsonDataConverter.Default.Deserialize<IReadOnlyList<Swarm.Domain.Memory.MemoryHit>>(recorded)!;
        var search = JsonDataConverter.Default.Deserialize<Swarm.Workflows.Memory.MemorySearchQuery>(query)!;

        var hit = Assert.Single(hits);
        Assert.Equal(2.0, hit.Score);
        Assert.Null(hit.Entry.Embedding);
        Assert.Null(search.Embedding);
        Assert.Equal(5, search.Limit);
    }

    [Fact]
    public void A_seat_hold_and_a_seat_grant_stored_before_dispatch_shards_read_back_as_shard_0()
    {
        var profile = new AgentProfile("a1", "A1", AgentType.Worker, new ProviderSettings("simulated", "m"), 1);

        var hold = ReadWithout(new SeatHold("a1", "answer.1", "task-1/answer.1", "answer", Shard: 2), "Shard");
        var grant = ReadWithout(new SeatGrant("task-1", "answer.1", profile, "why", Shard: 2), "Shard");

        Assert.Null(hold.Shard);
        Assert.Null(grant.Shard);
        Assert.Equal(Distribution.DispatcherEntity.Id, Distribution.DispatchShards.IdOf(hold.Shard));
        Assert.Equal(Distribution.DispatcherEntity.Id, Distribution.DispatchShards.IdOf(grant.Shard));
        Assert.Equal(new Microsoft.DurableTask.Entities.EntityInstanceId("dispatcher", "swarm-2"), Distribution.DispatchShards.IdOf(2));
    }

    [Fact]
    public void Inputs_stored_before_dispatch_shards_read_back_asking_the_one_board()
    {
        var profile = new AgentProfile("a1", "A1", AgentType.Worker, new ProviderSettings("simulated", "m"), 1);
        var task = new TaskRunInput("task-1", "p", 5, [], TaskStrategy.Auto, 1, [], false, TimeSpan.FromMinutes(10), 3, null, false, TimeSpan.FromDays(1), DispatchShards: 3);

        Assert.Equal(1, Distribution.DispatchShards.Of(ReadWithout(task, "DispatchShards").DispatchShards).Count);
        Assert.Null(ReadWithout(new AgentSlotRelease("task-1", [], ["answer.1"], false, DispatchShards: 3), "DispatchShards").DispatchShards);
        Assert.Null(ReadWithout(new AgentProvisioning(profile, 10, DispatchShards: 3), "DispatchShards").DispatchShards);
        Assert.Null(ReadWithout(new PoolScaling(new AgentPool(AgentType.Worker, []), 2, null, new PoolTemplate(), 10, DispatchShards: 3), "DispatchShards").DispatchShards);
        Assert.Null(ReadWithout(new ProposalInput("proposal-1", "q", ["a", "b"], new ConsensusRules(ConsensusAlgorithm.SimpleMajority), new ParticipantSpec(["a1"], null, null),
            null, TimeSpan.FromMinutes(5), 2, "someone", DispatchShards: 3), "DispatchShards").DispatchShards);
        Assert.Null(ReadWithout(new AgentRetirement("a1", Notify: true, DispatchShards: 3), "DispatchShards").DispatchShards);
        Assert.Equal(new AgentRetirement("a1", true, 3), JsonDataConverter.Default.Deserialize<AgentRetirement>(JsonDataConverter.Default.Serialize(new AgentRetirement("a1", true, 3))));
    }

    static T ReadWithout<T>(T today, params string[] newer)
    {
        var stored = JsonNode.Parse(JsonDataConverter.Default.Serialize(today)!)!.AsObject();
        foreach (var field in newer)
        {
            Assert.True(stored.Remove(field), $"{typeof(T).Name} is not written with a field '{field}'.");
        }

        return JsonDataConverter.Default.Deserialize<T>(stored.ToJsonString())!;
    }
}
