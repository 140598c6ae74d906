using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// The vendors' real SDKs as <see cref="IChatClient"/>, pointed at a <see cref="FakeVendorServer"/>. Their own
/// retries are off, so one call is one request and a test sees the vendor's error exactly as the SDK raises it.
/// </summary>
static class VendorSdkClients
{
    public const string OpenAIKey = "sk-fake-openai";
    public const string AnthropicKey = "sk-ant-fake";
    public const string OpenAIModel = "gpt-4o-mini";
    public const string AnthropicModel = "claude-sonnet-4-5";
    public const string OllamaModel = "llama3.2";

    public static IChatClient For(string vendor, FakeVendorServer server) => vendor switch
    {
        "openai" => OpenAI(server),
        "anthropic" => Anthropic(server),
        "ollama" => Ollama(server),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "openai, anthropic or ollama"),
    };

    public static IChatClient OpenAI(FakeVendorServer server, string basePath = "v1/") =>
        new ChatClient(OpenAIModel, new ApiKeyCredential(OpenAIKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(server.BaseUri, basePath),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient();

    public static IChatClient Anthropic(FakeVendorServer server) =>
        new AnthropicClient
        {
            ApiKey = AnthropicKey,
            BaseUrl = server.BaseUri.ToString().TrimEnd('/'),
            MaxRetries = 0,
        }.AsIChatClient(AnthropicModel, defaultMaxOutputTokens: 256);

    public static IChatClient Ollama(FakeVendorServer server) =>
        new OllamaApiClient(new HttpClient { BaseAddress = server.BaseUri }, OllamaModel);
}
