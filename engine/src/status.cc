#include "eds/status.h"

namespace eds {

ExitStatus Status::exit_status() const {
  switch (code_) {
    case Code::kOk:
      return ExitStatus::kSuccess;
    case Code::kInvalidInput:
      return ExitStatus::kInvalidInput;
    case Code::kUsage:
      return ExitStatus::kUsage;
    case Code::kIoError:
    case Code::kInternal:
      return ExitStatus::kCannotReadOrWrite;
  }
  return ExitStatus::kCannotReadOrWrite;
}

Status Worse(const Status& a, const Status& b) {
  return b.exit_status() > a.exit_status() ? b : a;
}

}  // namespace eds
