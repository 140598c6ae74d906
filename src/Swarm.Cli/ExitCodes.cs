namespace Swarm.Cli;

/// <summary>
/// What the <c>swarm</c> command's exit code tells a script. Each outcome a script would branch on has its own code;
/// README "CLI" lists them, and they do not change between versions.
/// </summary>
static class ExitCodes
{
    /// <summary>The command did what it was asked (a watched task completed, a watched proposal decided).</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong, or the API refused the request as invalid (400, 413, 415, 422).</summary>
    public const int Usage = 1;

    /// <summary>What the command names does not exist, or not for this caller (404).</summary>
    public const int NotFound = 2;

    /// <summary>The request conflicts with the thing's state (409: a finished task canceled, an id taken, no open ballot).</summary>
    public const int Conflict = 3;

    /// <summary>No credential, or one the swarm does not accept (401): log in again.</summary>
    public const int Unauthorized = 4;

    /// <summary>The credential is accepted but lacks the permission (403).</summary>
    public const int Forbidden = 5;

    /// <summary>A watched or awaited task ended <c>failed</c> or <c>canceled</c>, or a proposal ended without a decision.</summary>
    public const int TaskFailed = 6;

    /// <summary>The swarm could not be reached or said it cannot serve now (connection refused, timeout, 429, 502, 503, 504): try again later.</summary>
    public const int ServerUnavailable = 7;

    /// <summary>The swarm answered with an error of its own (500) or something the command cannot read.</summary>
    public const int ServerError = 8;

    /// <summary>Ctrl-C ended the command (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an API answer's HTTP status (only for statuses that are not success).</summary>
    public static int ForStatus(int status) => status switch
    {
        400 or 405 or 413 or 415 or 422 or 431 => Usage,
        404 => NotFound,
        409 or 412 => Conflict,
        401 => Unauthorized,
        403 => Forbidden,
        408 or 429 or 502 or 503 or 504 => ServerUnavailable,
        _ => ServerError,
    };
}
