// The status line (announced politely) and the error line (an alert) under an options section.
interface Props {
  message: string;
  error: string;
}

export function StatusLines({ message, error }: Props) {
  return (
    <>
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
      <p class="error-text" role="alert">
        {error}
      </p>
    </>
  );
}
