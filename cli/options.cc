#include "options.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options/errors.hpp>
#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <cctype>
#include <utility>

#include "eds/diagnostics.h"
#include "eds/version.h"
#include "messages.h"

namespace eds::cli {
namespace {

namespace po = boost::program_options;

// Holds the operands. The name cannot clash with a real option, and naming it
// on the command line is refused as an unknown option.
constexpr char kOperandsKey[] = "eds3-operands";

// Never guess an abbreviation (SPEC §2), and long options take two dashes
// (allow_long_disguise is not in the default style).
constexpr int kStyle = po::command_line_style::default_style &
                       ~po::command_line_style::allow_guessing;

std::string ShortName(const po::option_description& option) {
  const std::string name = option.canonical_display_name(
      po::command_line_style::allow_dash_for_short);
  return name.size() == 2 && name[0] == '-' ? name : "";
}

// Every spelling a user may type, for "did you mean".
std::vector<std::string> OptionSpellings(
    const po::options_description& options) {
  std::vector<std::string> names;
  for (const auto& option : options.options()) {
    if (!option->long_name().empty())
      names.push_back("--" + option->long_name());
    const std::string short_name = ShortName(*option);
    if (!short_name.empty()) names.push_back(short_name);
  }
  return names;
}

std::string HelpText(const CommandSpec& spec,
                     const po::options_description& options) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& option : options.options()) {
    std::string left = ShortName(*option);
    if (!option->long_name().empty()) {
      if (!left.empty()) left += ", ";
      left += "--" + option->long_name();
    }
    const std::string parameter = option->format_parameter();
    if (!parameter.empty()) left += " " + parameter;
    rows.emplace_back(std::move(left), option->description());
  }
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.first.size());
  std::string text =
      fmt::format("Usage: {}\n\n{}\n\nOptions:\n", spec.usage, spec.summary);
  for (const auto& row : rows) {
    text += fmt::format("  {:<{}}  {}\n", row.first, width, row.second);
  }
  if (spec.details[0] != '\0') text += fmt::format("\n{}", spec.details);
  return text;
}

// The one place a Boost parsing failure becomes a message.
std::string DescribeError(const po::error& error,
                          const po::options_description& options) {
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&error)) {
    const std::string name = unknown->get_option_name();
    return fmt::format("unknown option '{}'{}", name,
                       DidYouMean(name, OptionSpellings(options)));
  }
  if (const auto* syntax =
          dynamic_cast<const po::invalid_command_line_syntax*>(&error)) {
    const std::string name = syntax->get_option_name();
    switch (syntax->kind()) {
      case po::invalid_syntax::missing_parameter:
      case po::invalid_syntax::empty_adjacent_parameter:
        return fmt::format("option '{}' needs a value", name);
      case po::invalid_syntax::extra_parameter:
        return fmt::format("option '{}' takes no value", name);
      default:
        break;
    }
  }
  if (const auto* repeated =
          dynamic_cast<const po::multiple_occurrences*>(&error)) {
    return fmt::format("option '{}' is given more than once",
                       repeated->get_option_name());
  }
  if (const auto* required = dynamic_cast<const po::required_option*>(&error)) {
    return fmt::format("missing option '{}'", required->get_option_name());
  }
  return error.what();
}

// The options whose value may be "-", standard output.
bool MayBeStandardOutput(const std::string& key) {
  return key == "json" || key == "markdown" || key == "html";
}

// The problem with an option's value, or "": a value that is another option
// ("-o --json" would write a file named "--json"), that starts with '='
// after a short option ("-o=x.xlsx" would write "=x.xlsx"), or "-" for an
// option that cannot write to standard output, where it would write a file
// named "-".
std::string CheckValue(const po::option& option) {
  if (option.original_tokens.empty()) return "";
  const std::string& token = option.original_tokens.front();
  const std::string name = token.substr(0, token.find('='));
  for (const std::string& value : option.value) {
    if (value == "-") {
      if (MayBeStandardOutput(option.string_key)) continue;
      return fmt::format(
          "option '{}' needs a file name; only --json, --markdown and --html "
          "write to standard output ('-')",
          name);
    }
    // "-1" is a (bad) number, not an option.
    const bool looks_like_option =
        value.size() > 1 && value[0] == '-' &&
        !std::isdigit(static_cast<unsigned char>(value[1]));
    if (looks_like_option && option.original_tokens.size() > 1) {
      return fmt::format(
          "option '{}' needs a value, but the next argument is '{}'; a file "
          "name starting with '-' is written './{}'",
          name, value, value);
    }
    if (!value.empty() && value[0] == '=' && token.size() > 1 &&
        token[1] != '-') {
      return fmt::format("write '{} {}' or '--{}={}', without '=' after '{}'",
                         name, value.substr(1), option.string_key,
                         value.substr(1), name);
    }
  }
  return "";
}

}  // namespace

ExitStatus UsageError(const CommandSpec& spec, const std::string& message,
                      std::ostream& err) {
  PrintRunProblem(FileError("", message), err);
  err << fmt::format("Run 'eds3 {} --help' for usage.\n", spec.name);
  return ExitStatus::kUsage;
}

bool ParseCommand(const CommandSpec& spec,
                  const po::options_description& options,
                  const std::vector<std::string>& args, ParsedCommand* parsed,
                  std::ostream& out, std::ostream& err,
                  ExitStatus* exit_status) {
  po::options_description visible;
  visible.add(options);
  visible.add_options()("help,h", po::bool_switch(), "show this help")(
      "version", po::bool_switch(), "show the version");
  po::options_description all;
  all.add(visible);
  all.add_options()(kOperandsKey, po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add(kOperandsKey, -1);

  po::variables_map map;
  try {
    const po::parsed_options found = po::command_line_parser(args)
                                         .options(all)
                                         .positional(positional)
                                         .style(kStyle)
                                         .run();
    for (const po::option& option : found.options) {
      if (option.string_key == kOperandsKey && option.position_key < 0) {
        throw po::unknown_option(option.original_tokens.empty()
                                     ? kOperandsKey
                                     : option.original_tokens.front());
      }
      if (option.string_key == kOperandsKey) continue;
      const std::string problem = CheckValue(option);
      if (!problem.empty()) {
        *exit_status = UsageError(spec, problem, err);
        return false;
      }
    }
    po::store(found, map);
    if (map["help"].as<bool>()) {
      out << HelpText(spec, visible);
      *exit_status = ExitStatus::kSuccess;
      return false;
    }
    if (map["version"].as<bool>()) {
      out << kToolName << " " << kToolVersion << "\n";
      *exit_status = ExitStatus::kSuccess;
      return false;
    }
    po::notify(map);
  } catch (const po::error& error) {
    *exit_status = UsageError(spec, DescribeError(error, visible), err);
    return false;
  }

  std::vector<std::string> operands;
  if (map.count(kOperandsKey) > 0) {
    operands = map[kOperandsKey].as<std::vector<std::string>>();
  }
  if (operands.size() < spec.min_operands) {
    *exit_status =
        UsageError(spec, fmt::format("missing {}", spec.operand), err);
    return false;
  }
  if (operands.size() > spec.max_operands) {
    *exit_status = UsageError(
        spec,
        fmt::format("unexpected argument '{}'", operands[spec.max_operands]),
        err);
    return false;
  }
  parsed->options = std::move(map);
  parsed->operands = std::move(operands);
  return true;
}

}  // namespace eds::cli
