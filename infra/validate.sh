#!/usr/bin/env bash
# Checks the Bicep in infra/ offline: compiles main.bicep (and through it every module) and lints
# every .bicep file. Any error or warning fails the script.
#
# The Bicep CLI comes from NuGet (package Azure.Bicep.CommandLine.linux-x64), because NuGet is the
# one registry developers, CI and this project's machines all reach; nothing is downloaded from
# anywhere else. It is restored by a throwaway project into .tools/ (git-ignored), outside the
# solution and its central package versions.
#
# Usage: infra/validate.sh            (from any directory)
set -euo pipefail

BICEP_PACKAGE=Azure.Bicep.CommandLine.linux-x64
BICEP_VERSION=0.49.2

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra_dir="$repo_root/infra"
tools_dir="$repo_root/.tools"
restore_dir="$tools_dir/bicep-restore"
packages_dir="$tools_dir/nuget"
bicep="$packages_dir/$(echo "$BICEP_PACKAGE" | tr '[:upper:]' '[:lower:]')/$BICEP_VERSION/tools/bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ ! -x "$bicep" ]]; then
  echo "Restoring $BICEP_PACKAGE $BICEP_VERSION from NuGet into .tools/ ..."
  mkdir -p "$restore_dir"
  # Empty Directory.*.props here stop MSBuild from importing the repository's own (central
  # package management, warnings as errors), which do not apply to this helper project.
  echo '<Project />' >"$tools_dir/Directory.Build.props"
  echo '<Project />' >"$tools_dir/Directory.Packages.props"
  echo '<Project />' >"$tools_dir/Directory.Build.targets"
  # PackageDownload fetches the package as-is: it is a tools package with no assemblies to reference.
  cat >"$restore_dir/BicepRestore.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$BICEP_PACKAGE" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJ
  dotnet restore "$restore_dir/BicepRestore.csproj" --packages "$packages_dir" --verbosity quiet
  # NuGet does not keep the executable bit.
  chmod +x "$bicep"
fi

echo "Bicep: $("$bicep" --version)"

status=0
diagnostics="$(mktemp)"
trap 'rm -f "$diagnostics"' EXIT

# check LABEL COMMAND...: runs a Bicep command; fails on a non-zero exit or on any diagnostic.
check() {
  local label="$1" failed=0
  shift
  "$@" >"$diagnostics" 2>&1 || failed=1
  # Whatever the command printed is diagnostics (the build's ARM JSON goes to /dev/null). Bicep
  # prints them as "file(line,col) : Warning|Error CODE: message"; bicep lint exits 0 on warnings,
  # so they are caught here.
  grep -Eq ': (Warning|Error) ' "$diagnostics" && failed=1
  [[ -s "$diagnostics" ]] && cat "$diagnostics"
  if [[ $failed -eq 0 ]]; then
    echo "ok    $label"
  else
    echo "FAIL  $label"
    status=1
  fi
}

cd "$repo_root"

check "bicep build infra/main.bicep" bash -c '"$0" build infra/main.bicep --stdout >/dev/null' "$bicep"

# Lint each file on its own so every module is covered by name.
while IFS= read -r file; do
  check "bicep lint ${file#"$repo_root/"}" "$bicep" lint "$file"
done < <(find "$infra_dir" -name '*.bicep' | sort)

# main.parameters.json is read by azd (with ${VAR} substitution), not by Bicep: check that it is
# JSON and sets only parameters main.bicep declares (a typo there is otherwise found at deploy time).
check_parameters_file() {
  local declared given unknown
  declared="$("$bicep" build infra/main.bicep --stdout | jq -r '.parameters | keys[]')" || return 1
  given="$(jq -r '.parameters | keys[]' infra/main.parameters.json)" || return 1
  unknown="$(comm -13 <(sort <<<"$declared") <(sort <<<"$given"))"
  if [[ -n "$unknown" ]]; then
    echo "infra/main.parameters.json : Error: sets parameters main.bicep does not declare: $unknown"
    return 1
  fi
}
if command -v jq >/dev/null; then
  check "infra/main.parameters.json matches main.bicep" check_parameters_file
else
  echo "skip  infra/main.parameters.json check (jq not installed)"
fi

if [[ $status -ne 0 ]]; then
  echo "infra/validate.sh: FAILED (errors or warnings above)"
  exit 1
fi
echo "infra/validate.sh: all Bicep builds and lints cleanly (0 errors, 0 warnings)"
