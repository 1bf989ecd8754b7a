/** A person as the server's directory sends one, in search rows and at the head of the detail page. */
export interface PersonRecord {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number | null;
  hukouRegion: string;
  hukouRegionName: string | null;
  /** Absent from servers older than the English region names. */
  hukouRegionNameEn?: string | null;
  hukouType: string;
  residenceRegion: string | null;
  phone: string | null;
}
