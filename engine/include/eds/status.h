#ifndef EDS_STATUS_H_
#define EDS_STATUS_H_

#include <string>
#include <utility>

namespace eds {

// eds3's exit statuses (SPEC §2).
enum class ExitStatus {
  kSuccess = 0,
  kInvalidInput = 1,  // the files are wrong
  kUsage = 2,         // the command line is wrong
  // A path named on the command line cannot be read, an output cannot be
  // written, or an internal error.
  kCannotReadOrWrite = 3,
};

// Of two exit statuses the higher wins (3 over 1, SPEC §2).
inline ExitStatus Worse(ExitStatus a, ExitStatus b) { return b > a ? b : a; }

// The outcome of a fallible call: a code and a bare reason ("No such file or
// directory", "it is a folder"). The reason names no file: the caller that
// knows which file (and where in it) builds the Diagnostic that is printed.
class Status {
 public:
  enum class Code { kOk, kInvalidInput, kUsage, kIoError, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string reason) {
    return Status(Code::kInvalidInput, std::move(reason));
  }
  static Status Usage(std::string reason) {
    return Status(Code::kUsage, std::move(reason));
  }
  static Status IoError(std::string reason) {
    return Status(Code::kIoError, std::move(reason));
  }
  static Status Internal(std::string reason) {
    return Status(Code::kInternal, std::move(reason));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The bare reason ("" when ok).
  const std::string& message() const { return message_; }

  // The exit status for this code: kInvalidInput 1, kUsage 2, kIoError and
  // kInternal 3.
  ExitStatus exit_status() const;

 private:
  Status(Code code, std::string message)
      : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Of two failures the one with the higher exit status wins (3 over 1).
Status Worse(const Status& a, const Status& b);

}  // namespace eds

#endif  // EDS_STATUS_H_
