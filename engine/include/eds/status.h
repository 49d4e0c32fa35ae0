#ifndef EDS_STATUS_H_
#define EDS_STATUS_H_

#include <string>
#include <utility>

namespace eds {

// The outcome of a fallible call. Codes map one-to-one onto eds3's exit
// statuses: kInvalidInput 1, kUsage 2, kIoError and kInternal 3.
class Status {
 public:
  enum class Code { kOk, kInvalidInput, kUsage, kIoError, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(Code::kInvalidInput, std::move(message));
  }
  static Status Usage(std::string message) {
    return Status(Code::kUsage, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(Code::kIoError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok", or the message (which already names the file where one applies).
  std::string ToString() const { return ok() ? "ok" : message_; }

  // The process exit status for this code (0, 1, 2 or 3).
  int ExitCode() const;

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
