/**
 * One piece of developer metadata.
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 */
export class FakeDeveloperMetadata {
  constructor(
    private readonly owner: { developerMetadata: FakeDeveloperMetadata[] },
    readonly key: string,
    public value: string | null,
    readonly location: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  getValue(): string | null {
    return this.value;
  }

  setValue(value: string): FakeDeveloperMetadata {
    this.value = value;
    return this;
  }

  remove(): void {
    const i = this.owner.developerMetadata.indexOf(this);
    if (i >= 0) this.owner.developerMetadata.splice(i, 1);
  }
}
