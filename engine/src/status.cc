#include "eds/status.h"

namespace eds {

int Status::ExitCode() const {
  switch (code_) {
    case Code::kOk:
      return 0;
    case Code::kInvalidInput:
      return 1;
    case Code::kUsage:
      return 2;
    case Code::kIoError:
    case Code::kInternal:
      return 3;
  }
  return 3;
}

Status Worse(const Status& a, const Status& b) {
  return b.ExitCode() > a.ExitCode() ? b : a;
}

}  // namespace eds
