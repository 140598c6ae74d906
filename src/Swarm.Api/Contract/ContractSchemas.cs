using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Swarm.Api.Contract;

/// <summary>
/// The JSON schemas of the API's request and response types, made by System.Text.Json's <see cref="JsonSchemaExporter"/>
/// from the types themselves with the API's own serializer options, so names, casing, left-out nulls and enums are what
/// the wire carries. Each of the swarm's own object types becomes one named schema under <c>components/schemas</c>
/// (referenced wherever it appears), so a client generator gets one class per type.
/// </summary>
public sealed class ContractSchemas
{
    /// <summary>
    /// <see cref="ApiJson.Options"/> as the schema sees it: the same names, converters and strictness, and the types'
    /// nullable annotations respected so a property that is never null is not offered as nullable. Writing leaves nulls
    /// out either way, so this describes the wire; it changes nothing the API serializes.
    /// </summary>
    static readonly JsonSerializerOptions SchemaOptions = new(ApiJson.Options)
    {
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    readonly SortedDictionary<string, JsonNode> schemas = new(StringComparer.Ordinal);
    readonly Dictionary<Type, string> names = [];
    readonly Queue<Type> pending = new();

    /// <summary>A schema for <paramref name="type"/>: a reference to its named schema for the swarm's object types, inline otherwise.</summary>
    public JsonNode For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var node = JsonSchemaExporter.GetJsonSchemaAsNode(SchemaOptions, type, new JsonSchemaExporterOptions { TransformSchemaNode = (context, schema) => Transform(context, schema, root: null) });
        Drain();
        return node;
    }

    /// <summary>Every named schema referenced so far, by name.</summary>
    public JsonObject Components()
    {
        Drain();
        var components = new JsonObject();
        foreach (var (name, schema) in schemas)
        {
            components[name] = schema.DeepClone();
        }

        return components;
    }

    void Drain()
    {
        while (pending.TryDequeue(out var type))
        {
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(SchemaOptions, type, new JsonSchemaExporterOptions { TransformSchemaNode = (context, node) => Transform(context, node, root: type) });
            schemas[names[type]] = schema;
        }
    }

    JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema, Type? root)
    {
        if (context.Path.IsEmpty)
        {
            // A whole body, parameter or named schema is never null; the exporter cannot know that at the top, where no
            // property's annotation says so. Where a named type is used as a nullable property, its reference says it.
            NotNull(schema);
        }

        if (schema is JsonValue value && value.TryGetValue<bool>(out var any) && any)
        {
            // "Anything" (an object-typed property): {} says the same as the exporter's true and every OpenAPI reader takes it.
            schema = new JsonObject();
        }

        var type = context.TypeInfo.Type;
        if (EnumOf(type) is { } enumType)
        {
            return EnumSchema(enumType, Nullable.GetUnderlyingType(type) is not null || AllowsNull(schema), schema);
        }

        // The exporter does not offer a nullable enum (a Nullable<T> with a custom converter) to this transform at all,
        // so enum properties and items are also described from the type that holds them.
        if (schema is JsonObject holder)
        {
            if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && holder["properties"] is JsonObject properties)
            {
                foreach (var property in context.TypeInfo.Properties)
                {
                    if (EnumOf(property.PropertyType) is { } propertyEnum && properties[property.Name] is { } propertySchema)
                    {
                        properties[property.Name] = EnumSchema(propertyEnum, Nullable.GetUnderlyingType(property.PropertyType) is not null || AllowsNull(propertySchema), propertySchema);
                    }
                }
            }

            if (context.TypeInfo.Kind == JsonTypeInfoKind.Enumerable && context.TypeInfo.ElementType is { } element && EnumOf(element) is { } itemEnum && holder["items"] is { } items)
            {
                holder["items"] = EnumSchema(itemEnum, Nullable.GetUnderlyingType(element) is not null, items);
            }
        }

        if (!IsNamed(context.TypeInfo) || (context.Path.IsEmpty && type == root))
        {
            return schema;
        }

        var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + NameOf(type) };
        var result = AllowsNull(schema) ? new JsonObject { ["oneOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        CopyDescription(schema, result);
        return result;
    }

    static Type? EnumOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;

    /// <summary>An enum as the swarm writes it (EnumNameConverter): its members' camelCase names, which the exporter cannot see.</summary>
    static JsonObject EnumSchema(Type enumType, bool nullable, JsonNode exported)
    {
        var values = new JsonArray([.. Enum.GetNames(enumType).Select(n => (JsonNode?)JsonNamingPolicy.CamelCase.ConvertName(n))]);
        if (nullable)
        {
            values.Add(null);
        }

        var schema = new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["enum"] = values };
        CopyDescription(exported, schema);
        if (exported is JsonObject o && o.ContainsKey("default"))
        {
            schema["default"] = o["default"]?.DeepClone();
        }

        return schema;
    }

    string NameOf(Type type)
    {
        if (names.TryGetValue(type, out var name))
        {
            return name;
        }

        name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(a => a.Name)) : type.Name;
        if (names.ContainsValue(name))
        {
            throw new InvalidOperationException($"Two API types are both named '{name}' ({type.FullName} and {names.Single(n => n.Value == name).Key.FullName}); rename one so the schema names stay unique.");
        }

        names[type] = name;
        pending.Enqueue(type);
        return name;
    }

    /// <summary>The swarm's own object types get a named schema; the framework's (strings, dates, lists, dictionaries) stay inline.</summary>
    static bool IsNamed(JsonTypeInfo info) =>
        info.Kind == JsonTypeInfoKind.Object && info.Type.Namespace?.StartsWith("Swarm.", StringComparison.Ordinal) == true && !info.Type.IsAbstract;

    static void NotNull(JsonNode schema)
    {
        if (schema is JsonObject o && o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        {
            var rest = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            o["type"] = rest.Count == 1 ? rest[0] : new JsonArray([.. rest.Select(t => (JsonNode?)t)]);
        }
    }

    static bool AllowsNull(JsonNode schema) =>
        schema is JsonObject o && o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    static void CopyDescription(JsonNode from, JsonObject to)
    {
        if (from is JsonObject o && o["description"] is { } description)
        {
            to["description"] = description.DeepClone();
        }
    }
}
