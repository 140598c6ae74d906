using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Domain.Patterns;

/// <summary>
/// Writes <see cref="TermCounts"/> as one base64 string of 5 bytes per feature (hash little-endian, then count): 640
/// characters for a full set, against several kilobytes as JSON objects.
/// </summary>
public sealed class TermCountsJsonConverter : JsonConverter<TermCounts>
{
    const int BytesPerTerm = 5;

    public override TermCounts? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var bytes = reader.GetBytesFromBase64();
        if (bytes.Length % BytesPerTerm != 0)
        {
            throw new JsonException($"Term counts must be a multiple of {BytesPerTerm} bytes.");
        }

        var terms = new TermCount[bytes.Length / BytesPerTerm];
        for (var i = 0; i < terms.Length; i++)
        {
            var slice = bytes.AsSpan(i * BytesPerTerm, BytesPerTerm);
            terms[i] = new TermCount(BinaryPrimitives.ReadUInt32LittleEndian(slice), slice[4]);
        }

        return new TermCounts(terms);
    }

    public override void Write(Utf8JsonWriter writer, TermCounts value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[value.Terms.Count * BytesPerTerm];
        for (var i = 0; i < value.Terms.Count; i++)
        {
            var slice = bytes.AsSpan(i * BytesPerTerm, BytesPerTerm);
            BinaryPrimitives.WriteUInt32LittleEndian(slice, value.Terms[i].Hash);
            slice[4] = value.Terms[i].Count;
        }

        writer.WriteBase64StringValue(bytes);
    }
}
