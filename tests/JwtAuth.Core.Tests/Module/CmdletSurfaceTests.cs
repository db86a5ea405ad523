using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace JwtAuth.Core.Tests.Module;

/// <summary>What needs no engine: exports, parameter sets, help coverage, and the isolation rule.</summary>
public class CmdletSurfaceTests : IClassFixture<StagedModule>
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };
    private readonly StagedModule _module;

    public CmdletSurfaceTests(StagedModule module) => _module = module;

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlet_classes()
    {
        var manifest = File.ReadAllText(Path.Combine(_module.Directory, "JwtAuth.psd1"));
        var exported = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value
            .Split(',').Select(s => s.Trim().Trim('\'', '"')).Where(s => s.Length > 0).OrderBy(s => s);
        Assert.Equal(_module.CmdletTypes.Select(StagedModule.CmdletName).OrderBy(s => s), exported);
        Assert.Equal(7, exported.Count());
    }

    [Fact]
    public void The_manifest_version_is_the_assembly_version()
    {
        var manifest = File.ReadAllText(Path.Combine(_module.Directory, "JwtAuth.psd1"));
        var version = Regex.Match(manifest, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
        Assert.StartsWith(version, _module.Cmdlets.GetName().Version!.ToString());
    }

    [Fact]
    public void Every_non_default_parameter_set_has_a_parameter_of_its_own()
    {
        foreach (var cmdlet in _module.CmdletTypes)
        {
            var defaultSet = (string?)StagedModule.Named(StagedModule.Attribute(cmdlet, "CmdletAttribute")!, "DefaultParameterSetName");
            var membership = StagedModule.Parameters(cmdlet)
                .ToDictionary(p => p.Property.Name, p => p.Sets.Select(StagedModule.SetName).ToHashSet());
            var sets = membership.Values.SelectMany(s => s).Where(s => s != "__AllParameterSets").Distinct().ToList();
            foreach (var set in sets.Where(s => s != defaultSet))
            {
                var own = membership.Where(m => m.Value.Count == 1 && m.Value.Contains(set)).Select(m => m.Key).ToList();
                Assert.True(own.Count > 0, $"{StagedModule.CmdletName(cmdlet)}: parameter set '{set}' has no parameter of its own, so binding cannot choose it.");
            }
            if (sets.Count > 1)
                Assert.True(defaultSet != null && sets.Contains(defaultSet), $"{StagedModule.CmdletName(cmdlet)} needs a DefaultParameterSetName among its sets.");
        }
    }

    [Fact]
    public void Positions_are_unique_within_each_parameter_set()
    {
        foreach (var cmdlet in _module.CmdletTypes)
        {
            var positioned = StagedModule.Parameters(cmdlet)
                .SelectMany(p => p.Sets.Select(a => (Set: StagedModule.SetName(a), Position: (int?)StagedModule.Named(a, "Position"), p.Property.Name)))
                .Where(x => x.Position.HasValue && x.Position >= 0);
            var all = positioned.Where(x => x.Set == "__AllParameterSets").ToList();
            foreach (var group in positioned.Where(x => x.Set != "__AllParameterSets").GroupBy(x => x.Set))
            {
                var inSet = group.Concat(all).ToList();
                Assert.True(inSet.Select(x => x.Position).Distinct().Count() == inSet.Count,
                    $"{StagedModule.CmdletName(cmdlet)}: two parameters share a position in set '{group.Key}'.");
            }
        }
    }

    [Fact]
    public void Cmdlet_signatures_use_no_type_from_the_isolated_core()
    {
        // The core loads in a private load context after import; a core type in a parameter or output
        // would be needed while PowerShell is still reflecting over the cmdlets.
        var isolated = Directory.GetFiles(Path.Combine(_module.Directory, "Core", "Dependencies"), "*.dll")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var cmdlet in _module.CmdletTypes)
        {
            foreach (var (property, _) in StagedModule.Parameters(cmdlet))
                Assert.DoesNotContain(property.PropertyType.Assembly.GetName().Name, isolated);
            foreach (var output in StagedModule.Attributes(cmdlet, "OutputTypeAttribute"))
                foreach (var argument in output.ConstructorArguments.SelectMany(Flatten))
                    if (argument.Value is Type type) Assert.DoesNotContain(type.Assembly.GetName().Name, isolated);
            Assert.DoesNotContain(cmdlet.BaseType!.Assembly.GetName().Name, isolated);
        }
    }

    [Fact]
    public void Cmdlet_fields_hold_no_value_type_from_the_isolated_core()
    {
        // A field's value type is laid out when the cmdlet type loads, which happens while PowerShell reflects over the
        // assembly at import, before ModuleInitializer has taught the runtime where the core is. A field of a core
        // class (a reference) is not resolved until a method that touches it is compiled, after import.
        var isolated = Directory.GetFiles(Path.Combine(_module.Directory, "Core", "Dependencies"), "*.dll")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var cmdlet in _module.CmdletTypes)
        {
            for (var type = cmdlet; type != null && type.Assembly == _module.Cmdlets; type = type.BaseType)
            {
                foreach (var field in type.GetFields(all))
                {
                    var laidOut = TypesLoadedToLayOut(field.FieldType).Where(t => isolated.Contains(t.Assembly.GetName().Name!)).ToList();
                    Assert.True(laidOut.Count == 0, $"{type.Name}.{field.Name} holds {string.Join(", ", laidOut)} from the isolated core by value.");
                }
            }
        }
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type()
    {
        foreach (var cmdlet in _module.CmdletTypes)
            Assert.NotNull(StagedModule.Attribute(cmdlet, "OutputTypeAttribute"));
    }

    [Fact]
    public void Every_cmdlet_and_parameter_has_help_text_and_examples()
    {
        var help = XDocument.Load(Path.Combine(_module.Directory, "Core", "en-US", "JwtAuth.dll-Help.xml"));
        var commands = help.Descendants(Command + "command")
            .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        foreach (var cmdlet in _module.CmdletTypes)
        {
            var name = StagedModule.CmdletName(cmdlet);
            Assert.True(commands.TryGetValue(name, out var command), $"{name} has no help.");
            Assert.False(string.IsNullOrWhiteSpace(command!.Element(Command + "details")!.Element(Maml + "description")!.Value), $"{name}: no synopsis.");
            Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")!.Value), $"{name}: no description.");
            Assert.True(command.Descendants(Command + "example").Count() >= 3, $"{name}: fewer than 3 examples.");

            var documented = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value, p => p.Element(Maml + "description")!.Value.Trim());
            // DontShow parameters (set by the pipeline only) stay out of the help; tests/Help.Tests.ps1 checks that they do.
            var declared = StagedModule.Parameters(cmdlet)
                .Where(p => !p.Sets.Any(a => StagedModule.Named(a, "DontShow") is true))
                .Select(p => p.Property.Name).ToList();
            if (StagedModule.Named(StagedModule.Attribute(cmdlet, "CmdletAttribute")!, "SupportsShouldProcess") is true)
                declared.AddRange(ShouldProcessParameters);
            foreach (var parameter in declared)
                Assert.True(documented.TryGetValue(parameter, out var text) && text.Length > 0, $"{name} -{parameter} has no help text.");
            Assert.Empty(documented.Keys.Except(declared));
        }
    }

    // The types the runtime must load to lay out a field of this type: none for a reference; a value type and,
    // when it is generic, every type in its arguments (an instantiation is loaded with its arguments).
    private static IEnumerable<Type> TypesLoadedToLayOut(Type type) => type.IsValueType ? WithArguments(type) : Enumerable.Empty<Type>();

    private static IEnumerable<Type> WithArguments(Type type) =>
        new[] { type }.Concat(type.IsGenericType ? type.GetGenericArguments().SelectMany(WithArguments) : Enumerable.Empty<Type>());

    private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items : new[] { argument };
}
