namespace Swarm.Cli.Profiles;

/// <summary>
/// One swarm the user logs in to: its base URL and one credential, a person's bearer <see cref="Token"/> or an
/// agent's <see cref="ApiKey"/>, and the Azure Functions key a deployed app may ask for.
/// </summary>
sealed record Profile
{
    public required string Url { get; init; }

    public string? Token { get; init; }

    public string? ApiKey { get; init; }

    public string? FunctionsKey { get; init; }

    /// <summary>When a minted token stops working (for <c>swarm profiles</c>), if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Who the credential says the caller is, if known (a token's subject, an agent's id).</summary>
    public string? Subject { get; init; }

    public string CredentialKind => Token is not null ? "token" : ApiKey is not null ? "api-key" : "none";
}
