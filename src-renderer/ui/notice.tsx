/** Where a tab confirms what was just done ("Created rule Web sign-in"); announced politely (role=status). */
export function Notice({ text }: { text: string | null }) {
  return (
    <p role="status" className="form__saved notice">
      {text}
    </p>
  );
}
