using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace ProfileMedia.TestSupport;

/// <summary>
/// Which namespace (one per source folder) uses which, in one of our assemblies: every type a type's declarations
/// and method bodies name, read from the compiled metadata and IL, plus the <c>using</c> directives of the sources
/// (which also carry what leaves no trace in IL: nameof, constants, doc references). A cycle means two folders
/// cannot be understood, or moved, one without the other.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>The namespaces and, for each, the namespaces it uses with one example of why (type -> type, or a using).</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges => _edges;

    /// <summary>The graph of <paramref name="assembly"/>, whose sources are under <paramref name="sourceFolder"/>.</summary>
    public static NamespaceGraph Of(Assembly assembly, string sourceFolder)
    {
        var graph = new NamespaceGraph();
        using (var stream = File.OpenRead(assembly.Location))
        using (var pe = new PEReader(stream))
        {
            MetadataReader reader = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                string? from = NamespaceOf(reader, handle);
                if (from == null)
                {
                    continue;
                }

                graph.Node(from);
                foreach (TypeDefinitionHandle used in Uses(reader, pe, handle))
                {
                    string? to = NamespaceOf(reader, used);
                    if (to != null)
                    {
                        graph.Add(from, to, Name(reader, handle) + " uses " + Name(reader, used));
                    }
                }
            }
        }

        foreach (string file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(sourceFolder, file);
            if (relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            string text = File.ReadAllText(file);
            Match declared = Regex.Match(text, @"^namespace\s+([\w.]+)", RegexOptions.Multiline);
            if (!declared.Success || !graph._edges.ContainsKey(declared.Groups[1].Value))
            {
                continue;
            }

            foreach (Match used in Regex.Matches(text, @"^using\s+(ProfileMedia[\w.]*)\s*;", RegexOptions.Multiline))
            {
                if (graph._edges.ContainsKey(used.Groups[1].Value))
                {
                    graph.Add(declared.Groups[1].Value, used.Groups[1].Value, relative.Replace('\\', '/') + " has using " + used.Groups[1].Value);
                }
            }
        }

        return graph;
    }

    /// <summary>Null when the graph is a DAG, else every cycle with its edges, to fail a test with.</summary>
    public string? CycleReport()
    {
        IReadOnlyList<string> cycles = Cycles();
        return cycles.Count == 0 ? null : "These folders use each other in a cycle:" + Environment.NewLine + string.Join(Environment.NewLine, cycles);
    }

    /// <summary>Every group of namespaces that reach each other (a strongly connected component of two or more), with the edges inside it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (string next in _edges[node].Keys)
            {
                if (!index.TryGetValue(next, out int seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new SortedSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    IEnumerable<string> inside = component.SelectMany(a => _edges[a].Where(edge => component.Contains(edge.Key)).Select(edge => a + " -> " + edge.Key + " (" + edge.Value + ")"));
                    found.Add(string.Join(", ", component) + ":" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", inside));
                }
            }
        }

        foreach (string node in _edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return found;
    }

    private void Node(string name)
    {
        if (!_edges.ContainsKey(name))
        {
            _edges.Add(name, new SortedDictionary<string, string>(StringComparer.Ordinal));
        }
    }

    private void Add(string from, string to, string why)
    {
        Node(from);
        Node(to);
        if (from != to)
        {
            _edges[from].TryAdd(to, why);
        }
    }

    // The namespace of a type of ours; a nested type (a closure, a state machine) counts as its outermost type's.
    // Null for what the compiler adds outside our namespaces (<PrivateImplementationDetails>, embedded attributes).
    private static string? NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        string name = reader.GetString(type.Namespace);
        return name.StartsWith("ProfileMedia", StringComparison.Ordinal) ? name : null;
    }

    private static string Name(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return reader.GetString(type.Name);
    }

    // Every type of this assembly the type names: base, interfaces, fields, methods, properties, attributes, and the
    // types, members and locals its method bodies touch.
    private static HashSet<TypeDefinitionHandle> Uses(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle)
    {
        var provider = new Collector();
        TypeDefinition type = reader.GetTypeDefinition(handle);
        Collect(reader, provider, type.BaseType);
        foreach (InterfaceImplementationHandle implemented in type.GetInterfaceImplementations())
        {
            Collect(reader, provider, reader.GetInterfaceImplementation(implemented).Interface);
        }

        Attributes(reader, provider, type.GetCustomAttributes());
        foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
        {
            FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
            field.DecodeSignature(provider, null);
            Attributes(reader, provider, field.GetCustomAttributes());
        }

        foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
        {
            PropertyDefinition property = reader.GetPropertyDefinition(propertyHandle);
            property.DecodeSignature(provider, null);
            Attributes(reader, provider, property.GetCustomAttributes());
        }

        foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
        {
            MethodDefinition method = reader.GetMethodDefinition(methodHandle);
            method.DecodeSignature(provider, null);
            Attributes(reader, provider, method.GetCustomAttributes());
            if (method.RelativeVirtualAddress != 0)
            {
                Body(reader, provider, pe.GetMethodBody(method.RelativeVirtualAddress));
            }
        }

        foreach (TypeDefinitionHandle nested in type.GetNestedTypes())
        {
            provider.Found.UnionWith(Uses(reader, pe, nested));
        }

        return provider.Found;
    }

    private static void Attributes(MetadataReader reader, Collector provider, CustomAttributeHandleCollection attributes)
    {
        foreach (CustomAttributeHandle attribute in attributes)
        {
            Collect(reader, provider, reader.GetCustomAttribute(attribute).Constructor);
        }
    }

    private static void Body(MetadataReader reader, Collector provider, MethodBodyBlock body)
    {
        if (!body.LocalSignature.IsNil)
        {
            reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
        }

        BlobReader il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            if (!OperandTypes.TryGetValue(code, out OperandType operand))
            {
                throw new InvalidOperationException("Unknown IL opcode 0x" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " at offset " + (il.Offset - 1) + " of " + body.Size + ".");
            }

            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32(); // read first: "Offset += 4 * ReadInt32()" would read Offset before the count moved it
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    Collect(reader, provider, MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    private static void Collect(MetadataReader reader, Collector provider, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                provider.Found.Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                break;
            case HandleKind.MethodDefinition:
                provider.Found.Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                provider.Found.Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                MemberReference member = reader.GetMemberReference((MemberReferenceHandle)handle);
                Collect(reader, provider, member.Parent);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(provider, null);
                }
                else
                {
                    member.DecodeFieldSignature(provider, null);
                }

                break;
            case HandleKind.MethodSpecification:
                MethodSpecification specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Collect(reader, provider, specification.Method);
                specification.DecodeSignature(provider, null);
                break;
        }
    }

    // Decodes signatures only to see which of our types they name.
    private sealed class Collector : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<TypeDefinitionHandle> Found { get; } = new();

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return null;
        }

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;

        public object? GetSZArrayType(object? elementType) => null;

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;

        public object? GetByReferenceType(object? elementType) => null;

        public object? GetPointerType(object? elementType) => null;

        public object? GetPinnedType(object? elementType) => null;

        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;

        public object? GetGenericMethodParameter(object? genericContext, int index) => null;

        public object? GetGenericTypeParameter(object? genericContext, int index) => null;

        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;

        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
    }
}
