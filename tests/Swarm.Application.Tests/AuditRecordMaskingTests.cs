using Swarm.Application.Audit;

namespace Swarm.Application.Tests;

public sealed class AuditRecordMaskingTests
{
    [Fact]
    public void Credentials_are_masked_in_every_field_a_client_can_influence()
    {
        const string key = "swk.0123456789abcdef.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        var record = AuditRecord.Create(DateTimeOffset.UtcNow, "alice", "SubmitTask", "/api/v1/agents/" + key, AuditOutcomes.Failed, 400, "c1", "10.0.0.1", "header was " + jwt);

        Assert.DoesNotContain(key, record.Resource, StringComparison.Ordinal);
        Assert.Contains("[redacted key]", record.Resource, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt, record.Detail, StringComparison.Ordinal);
        Assert.Contains("[redacted token]", record.Detail, StringComparison.Ordinal);
    }
}
